/**
 * HTTP edge of enrollments, make-up sessions and the participant's own schedule; the
 * enrol page with its running plan check.
 */
package org.iopscheduler.enrollment.web;
