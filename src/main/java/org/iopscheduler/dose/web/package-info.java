/**
 * HTTP edge of the weekly dose: program report, CSV export, a participant's weeks; the
 * dose dashboard, a participant's page for staff and their own page.
 */
package org.iopscheduler.dose.web;
