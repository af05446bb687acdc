/** HTTP edge of enrollments, make-up sessions and the participant's own schedule. */
package org.iopscheduler.enrollment.web;
