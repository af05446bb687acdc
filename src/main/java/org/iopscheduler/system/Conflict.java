package org.iopscheduler.system;

import org.springframework.http.HttpStatus;

/**
 * The request conflicts with existing data (double booking, a full group, a duplicate).
 */
public class Conflict extends DomainException {

	public Conflict(String message) {
		super(message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}

	@Override
	public String title() {
		return "Conflict";
	}

}
