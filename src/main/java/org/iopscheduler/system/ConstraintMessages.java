package org.iopscheduler.system;

import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * The database holds the rules too. When one of its keys refuses a write that raced past
 * the service's own check, this turns the constraint's name into the same plain sentence.
 */
final class ConstraintMessages {

	private static final Map<String, String> MESSAGES = Map.of("uk_account_username", "that username is already taken",
			"uk_enrollment_open", "the participant already has an open enrollment in this program",
			"uk_mark_session_participant", "attendance for this participant was marked at the same moment; try again",
			"uk_session_block_date", "this session was created at the same moment; try again", "uk_closure_day",
			"the program is already closed on that day", "uk_plan_from",
			"the plan was changed at the same moment; try again", "uk_version_from",
			"the block already has a change from that date");

	private ConstraintMessages() {
	}

	static String describe(DataIntegrityViolationException e) {
		String text = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
		return MESSAGES.entrySet()
			.stream()
			.filter(entry -> text.contains(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("the change conflicts with existing data and was not saved");
	}

}
