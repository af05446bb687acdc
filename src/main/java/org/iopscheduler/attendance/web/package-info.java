/** HTTP edge of attendance: marking, the current sheet, and the history of changes. */
package org.iopscheduler.attendance.web;
