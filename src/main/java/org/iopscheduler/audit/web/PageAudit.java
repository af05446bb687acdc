package org.iopscheduler.audit.web;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.Access;
import org.iopscheduler.audit.Actor;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The pages' side of the audit log: a page that shows or changes participants' records
 * says so before it renders, with the same actions as the API. If the line cannot be
 * written the page shows an error instead of the records, as the API answers 503. Every
 * feature's pages use it: part of the audit module's public web interface.
 */
@NamedInterface("web")
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
		if (named.isEmpty()) {
			return;
		}
		write(action, log -> log.record(access(action), named));
	}

	/**
	 * For a change made in the caller's transaction: the lines are written in it, so a
	 * change whose lines cannot be written is rolled back with them (AuditUnavailable
	 * says nothing was saved).
	 */
	public void recordInTransaction(AuditAction action, Collection<Long> participantIds) {
		Set<Long> named = new LinkedHashSet<>(participantIds);
		named.remove(null);
		if (named.isEmpty()) {
			return;
		}
		AuditLog log = auditLog.getIfAvailable();
		if (log == null || signedIn() == null) {
			return;
		}
		try {
			log.recordInTransaction(access(action), named);
		}
		catch (DataAccessException e) {
			throw AuditUnavailable.nothingSaved();
		}
	}

	/**
	 * For a page that discloses many at once without listing them, such as the CSV
	 * export.
	 */
	public void recordWithoutParticipant(AuditAction action) {
		write(action, log -> log.recordWithoutParticipant(access(action)));
	}

	private void write(AuditAction action, java.util.function.Consumer<AuditLog> line) {
		AuditLog log = auditLog.getIfAvailable();
		if (log == null || signedIn() == null) {
			return;
		}
		try {
			line.accept(log);
		}
		catch (DataAccessException e) {
			throw new AuditUnavailable(action.isChange());
		}
	}

	private Access access(AuditAction action) {
		Actor me = signedIn();
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		String query = request.getQueryString();
		return Access.by(me, action, request.getMethod(), request.getRequestURI() + (query != null ? "?" + query : ""));
	}

	private static Actor signedIn() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof Actor me ? me : null;
	}

}
