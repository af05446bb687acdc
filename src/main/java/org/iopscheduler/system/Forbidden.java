package org.iopscheduler.system;

import org.springframework.http.HttpStatus;

/** Authenticated, but this role may not do this. */
public class Forbidden extends DomainException {

	public Forbidden(String message) {
		super(message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.FORBIDDEN;
	}

	@Override
	public String title() {
		return "Forbidden";
	}

}
