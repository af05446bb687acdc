package org.iopscheduler.system;

import org.springframework.http.HttpStatus;

/** A field is missing or has a value outside its rule. */
public class InvalidInput extends DomainException {

	public InvalidInput(String message) {
		super(message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.BAD_REQUEST;
	}

	@Override
	public String title() {
		return "Invalid input";
	}

}
