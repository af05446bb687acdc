package org.iopscheduler.audit.web;

import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.Unavailable;

/** The audit log could not take a request's line, so the request's answer is withheld. */
class AuditUnavailable extends Unavailable {

	AuditUnavailable(boolean change) {
		this(change ? "the change was saved, but the audit log could not record it; tell the administrator"
				: "the audit log cannot record this request right now, so the records are not shown; try again later");
	}

	private AuditUnavailable(String message) {
		super(Refusal.of("audit.unavailable", null, message));
	}

	/**
	 * For a change whose audit lines were to be written in its own transaction: it was
	 * rolled back.
	 */
	static AuditUnavailable nothingSaved() {
		return new AuditUnavailable("the audit log could not record the change, so nothing was saved; try again later");
	}

	@Override
	public String title() {
		return "Audit log unavailable";
	}

}
