/** HTTP edge of the calendar: blocks, dated sessions, cancellations and closures. */
package org.iopscheduler.calendar.web;
