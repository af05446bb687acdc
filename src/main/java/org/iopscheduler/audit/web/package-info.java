/** HTTP edge of the audit log: which API requests are recorded, and the coordinators' view of it. */
package org.iopscheduler.audit.web;
