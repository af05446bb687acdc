package org.iopscheduler.people;

import org.iopscheduler.system.DomainException;
import org.springframework.http.HttpStatus;

/**
 * A password change the password rules refuse: a wrong current password, or a new one the
 * {@link PasswordPolicy} does not allow. The message starts with the field.
 */
public class PasswordRefused extends DomainException {

	PasswordRefused(String field, String rule) {
		super(field + ": " + rule);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}

	@Override
	public String title() {
		return "Password refused";
	}

}
