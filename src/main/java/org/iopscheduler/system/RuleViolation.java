package org.iopscheduler.system;

import org.springframework.http.HttpStatus;

/** Well-formed, but it breaks a clinical rule. */
public class RuleViolation extends DomainException {

	public RuleViolation(String message) {
		super(message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}

	@Override
	public String title() {
		return "Clinical rule violated";
	}

}
