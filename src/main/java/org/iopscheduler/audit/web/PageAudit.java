package org.iopscheduler.audit.web;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.Actor;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.audit.web.AuditedHandlers.Line;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The pages' side of the audit log: a page handler marked
 * {@code @Audited(whose = Whose.PAGE)} names the participants it shows or changes as it
 * builds its model, with the same actions as the API. The lines are written by
 * {@link AuditedHandlers} in the handler's transaction, before it commits and before the
 * page renders: a change and its lines commit together or not at all, and if they cannot
 * be written the page shows an error instead of the records. A page naming participants
 * outside an {@code @Audited} handler fails.
 */
@Component
@RequiredArgsConstructor
public class PageAudit {

	/**
	 * Always there in the application; absent only in web slice tests, which audit
	 * nothing.
	 */
	private final ObjectProvider<AuditLog> auditLog;

	public void record(AuditAction action, Collection<Long> participantIds) {
		Set<Long> named = new LinkedHashSet<>(participantIds);
		named.remove(null);
		if (!named.isEmpty()) {
			collect(action, named);
		}
	}

	/**
	 * For a page that discloses many at once without listing them, such as the CSV
	 * export.
	 */
	public void recordWithoutParticipant(AuditAction action) {
		collect(action, null);
	}

	private void collect(AuditAction action, Set<Long> participantIds) {
		Actor me = AuditedHandlers.signedIn();
		HttpServletRequest request = AuditedHandlers.currentRequest();
		if (auditLog.getIfAvailable() == null || me == null || request == null) {
			return;
		}
		AuditedHandlers.collect(request, new Line(AuditedHandlers.access(me, action, request), participantIds));
	}

}
