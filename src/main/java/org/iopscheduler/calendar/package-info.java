/**
 * The calendar: weekly blocks (the recurring template), ISO weeks, and the dated sessions
 * made from them.
 */
package org.iopscheduler.calendar;
