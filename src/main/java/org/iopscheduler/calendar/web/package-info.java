/**
 * HTTP edge of the calendar: blocks, dated sessions, cancellations and closures; the week
 * grid, block form and session pages.
 */
package org.iopscheduler.calendar.web;
