/**
 * HTTP edge of the audit log: {@code @Audited} handlers (API and pages) and the one
 * transaction that writes their lines with their work; PageAudit for the pages; the
 * coordinators' view of the log. Its public types ({@code @Audited}, {@code Whose},
 * {@code @ParticipantData}, PageAudit) are what every feature's web edge uses: the audit
 * module's named interface "web".
 */
@NamedInterface("web")
package org.iopscheduler.audit.web;

import org.springframework.modulith.NamedInterface;
