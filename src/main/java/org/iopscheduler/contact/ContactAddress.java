package org.iopscheduler.contact;

import java.util.regex.Pattern;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;

/**
 * An address must be one the channel can reach: an e-mail address (the Jakarta
 * {@code @Email} rule, at most 254 characters as SMTP allows, with a dot in the domain: a
 * bare host name is a typing mistake here), or a mobile number in E.164 form ({@code +}
 * then 8 to 15 digits, no spaces).
 */
final class ContactAddress {

	static final String EMAIL_INVALID = "consent.email-invalid";

	static final String PHONE_INVALID = "consent.phone-invalid";

	static final String ADDRESS_REQUIRED = "consent.address-required";

	static final int LONGEST_EMAIL = 254;

	private static final Pattern E164 = Pattern.compile("\\+[0-9]{8,15}");

	private ContactAddress() {
	}

	/** The address as stored (trimmed), or a refusal naming the field and the rule. */
	static String checked(ContactChannel channel, String address, Validator validator) {
		String given = address == null ? "" : address.strip();
		if (given.isEmpty()) {
			throw new InvalidInput(Refusal.of(ADDRESS_REQUIRED, "address",
					channel == ContactChannel.EMAIL ? "enter an e-mail address" : "enter a mobile number", "channel",
					channel));
		}
		return switch (channel) {
			case EMAIL -> {
				if (!validator.validateValue(EmailRule.class, "address", given).isEmpty()) {
					throw new InvalidInput(Refusal.of(EMAIL_INVALID, "address",
							"not an e-mail address (name@example.org, at most " + LONGEST_EMAIL + " characters)",
							"maximum", LONGEST_EMAIL));
				}
				yield given;
			}
			case SMS -> {
				if (!E164.matcher(given).matches()) {
					throw new InvalidInput(Refusal.of(PHONE_INVALID, "address",
							"a mobile number is + then 8 to 15 digits with the country code, no spaces (+15551234567)"));
				}
				yield given;
			}
		};
	}

	/** The e-mail rule, for the validator. */
	record EmailRule(@Email(regexp = "[^@]+@[^@]+\\.[^@]+") @Size(max = LONGEST_EMAIL) String address) {
	}

}
