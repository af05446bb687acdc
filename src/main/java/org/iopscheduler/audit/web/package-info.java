/**
 * HTTP edge of the audit log: which API requests are recorded, and the coordinators' view
 * of it; PageAudit for the pages.
 */
package org.iopscheduler.audit.web;
