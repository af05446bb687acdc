package org.iopscheduler.audit.web;

import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.Unavailable;

/**
 * The audit log could not take a request's lines: the request's transaction is rolled
 * back and its answer withheld.
 */
class AuditUnavailable extends Unavailable {

	AuditUnavailable(boolean change) {
		super(Refusal.of("audit.unavailable", null, change
				? "the audit log could not record the change, so nothing was saved; try again later"
				: "the audit log cannot record this request right now, so the records are not shown; try again later"));
	}

	@Override
	public String title() {
		return "Audit log unavailable";
	}

}
