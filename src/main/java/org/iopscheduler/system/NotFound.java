package org.iopscheduler.system;

import org.springframework.http.HttpStatus;

/** An unknown id, or a record the caller may not know exists. */
public class NotFound extends DomainException {

	public NotFound(String message) {
		super(message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}

	@Override
	public String title() {
		return "Not found";
	}

}
