/** HTTP edge of the weekly dose: program report, CSV export, a participant's weeks. */
package org.iopscheduler.dose.web;
