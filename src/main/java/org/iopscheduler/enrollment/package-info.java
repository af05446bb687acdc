/**
 * Enrollments: a participant's weekly plan of blocks over dates, its rules, and the
 * rosters that follow.
 */
package org.iopscheduler.enrollment;
