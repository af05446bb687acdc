package org.iopscheduler.people.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.Access;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The audit line of a password change, a reset or an unlock, written in the change's own
 * transaction (API and pages alike): one line, naming the account when it is a
 * participant's, none for a member of staff's, by whom and through which request.
 */
@Component
@RequiredArgsConstructor
class AccountAudit {

	/** Absent only in web slice tests, which audit nothing. */
	private final ObjectProvider<AuditLog> auditLog;

	Consumer<Account> of(AuditAction action, SignedIn by, HttpServletRequest request) {
		return account -> {
			AuditLog log = auditLog.getIfAvailable();
			if (log == null) {
				return;
			}
			List<Long> named = new ArrayList<>();
			named.add(account.getRole() == Role.PARTICIPANT ? account.getId() : null);
			log.record(Access.by(by, action, request.getMethod(), request.getRequestURI()), named);
		};
	}

}
