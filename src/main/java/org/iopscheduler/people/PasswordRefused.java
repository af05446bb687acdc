package org.iopscheduler.people;

import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.PasswordPolicy;
import org.iopscheduler.system.Refusal;

/**
 * A password change the password rules refuse: a wrong current password, or a new one the
 * {@link PasswordPolicy} does not allow. The message starts with the field.
 */
public class PasswordRefused extends DomainException {

	PasswordRefused(String rule, String field, String sentence) {
		super(Kind.RULE_VIOLATION, Refusal.of(rule, field, sentence));
	}

	@Override
	public String title() {
		return "Password refused";
	}

}
