/**
 * Attendance marks on dated sessions, and the history of every change to them (who, when,
 * old, new).
 */
package org.iopscheduler.attendance;
