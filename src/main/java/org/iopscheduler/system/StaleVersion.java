package org.iopscheduler.system;

/**
 * The client's If-Match names a version of the record that is no longer the current one:
 * the change would overwrite somebody else's.
 */
public class StaleVersion extends DomainException {

	public StaleVersion(String message) {
		super(Kind.STALE_VERSION, Refusal.of("record.changed-since-loaded", "If-Match", message));
	}

}
