package org.iopscheduler.system;

import org.springframework.http.HttpHeaders;

/**
 * The client's If-Match names a version of the record that is no longer the current one:
 * the change would overwrite somebody else's (412).
 */
public class StaleVersion extends DomainException {

	public StaleVersion(String message) {
		super(Refusal.of("record.changed-since-loaded", HttpHeaders.IF_MATCH, message));
	}

	@Override
	public Kind kind() {
		return Kind.STALE_VERSION;
	}

	@Override
	public String title() {
		return "Precondition failed";
	}

}
