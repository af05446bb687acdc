package org.iopscheduler.system;

import java.util.Set;

import org.springframework.validation.BindingResult;

/**
 * Puts a domain refusal next to the form field it is about. The domain's messages start
 * with the field they concern ("durationMinutes: 0 is outside 1..720", "counselorId 5
 * already facilitates ..."); a message about no field of the form is shown above it.
 */
public final class DomainErrors {

	private DomainErrors() {
	}

	public static void attach(DomainException refusal, BindingResult form, Set<String> fields) {
		Refusal why = refusal.refusal();
		if (why.field() != null && fields.contains(why.field())) {
			form.rejectValue(why.field(), "refused", why.message());
			return;
		}
		String message = refusal.getMessage();
		for (String field : fields) {
			if (message.startsWith(field + ":")) {
				form.rejectValue(field, "refused", message.substring(field.length() + 1).strip());
				return;
			}
			if (message.startsWith(field + " ")) {
				form.rejectValue(field, "refused", message);
				return;
			}
		}
		form.reject("refused", message);
	}

}
