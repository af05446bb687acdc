package org.iopscheduler.system;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule saying no, as a value: which rule (a stable code such as
 * {@code plan.below-minimum}), which field of the request it is about (or null), a
 * sentence a coordinator can act on, and the numbers behind it
 * ({@code plannedMinutes=480, minimumMinutes=540}). Policies return it; the domain's
 * exceptions carry it; the web edge alone decides what HTTP status it becomes.
 */
public record Refusal(String rule, String field, String message, Map<String, Object> facts) {

	// "blockIds: ...", "rows[2].minutesAttended: ..."
	private static final Pattern FIELD_FIRST = Pattern.compile("^([A-Za-z][\\w.\\[\\]]*): (.*)$", Pattern.DOTALL);

	public Refusal {
		facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
	}

	/**
	 * @param facts the numbers behind the refusal, as name, value, name, value...
	 */
	public static Refusal of(String rule, String field, String message, Object... facts) {
		if (facts.length % 2 != 0) {
			throw new IllegalArgumentException("facts come as name, value pairs");
		}
		Map<String, Object> named = new LinkedHashMap<>();
		for (int i = 0; i < facts.length; i += 2) {
			Object value = facts[i + 1];
			// dates and ids as the wire has them: text, numbers, true/false
			named.put((String) facts[i],
					value == null || value instanceof Number || value instanceof Boolean ? value : value.toString());
		}
		return new Refusal(rule, field, message, named);
	}

	/**
	 * A refusal known only by its sentence: the field is read from a sentence that starts
	 * with it ("blockIds: ...").
	 */
	static Refusal said(String rule, String sentence) {
		Matcher fieldFirst = FIELD_FIRST.matcher(sentence);
		if (fieldFirst.matches()) {
			String field = fieldFirst.group(1);
			String rest = fieldFirst.group(2);
			return new Refusal(rule, field, rest.startsWith(field) ? sentence : rest, null);
		}
		return new Refusal(rule, null, sentence, null);
	}

	/**
	 * The sentence for an API client, naming the field first ("blockIds: the plan gives
	 * ...") unless the message already starts with it.
	 */
	public String detail() {
		if (field == null || message.startsWith(field + " ") || message.startsWith(field + ":")) {
			return message;
		}
		return field + ": " + message;
	}

}
