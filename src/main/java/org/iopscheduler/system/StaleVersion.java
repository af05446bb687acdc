package org.iopscheduler.system;

import org.springframework.http.HttpStatus;

/**
 * The client's If-Match names a version of the record that is no longer the current one:
 * the change would overwrite somebody else's (412).
 */
public class StaleVersion extends DomainException {

	public StaleVersion(String message) {
		super(message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.PRECONDITION_FAILED;
	}

	@Override
	public String title() {
		return "Precondition failed";
	}

}
