/**
 * HTTP edge of attendance: marking, the current sheet, and the history of changes; the
 * counselor's sessions and attendance sheet pages.
 */
package org.iopscheduler.attendance.web;
