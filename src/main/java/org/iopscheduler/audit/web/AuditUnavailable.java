package org.iopscheduler.audit.web;

import org.iopscheduler.system.DomainException;
import org.springframework.http.HttpStatus;

/** The audit log could not take a request's line, so the request's answer is withheld. */
class AuditUnavailable extends DomainException {

	AuditUnavailable(boolean change) {
		super(change ? "the change was saved, but the audit log could not record it; tell the administrator"
				: "the audit log cannot record this request right now, so the records are not shown; try again later");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.SERVICE_UNAVAILABLE;
	}

	@Override
	public String title() {
		return "Audit log unavailable";
	}

}
