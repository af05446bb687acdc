/**
 * HTTP edge of the audit log: {@code @Audited} handlers (API and pages) and the one
 * transaction that writes their lines with their work; PageAudit for the pages; the
 * coordinators' view of the log.
 */
package org.iopscheduler.audit.web;
