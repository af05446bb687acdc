package org.iopscheduler.system;

import org.springframework.http.HttpStatus;

/**
 * A request the domain refuses. The subclass says how (the HTTP status the one error
 * advice answers with); the message says why, in words a coordinator can act on.
 */
public abstract class DomainException extends RuntimeException {

	protected DomainException(String message) {
		super(message);
	}

	public abstract HttpStatus status();

	public abstract String title();

}
