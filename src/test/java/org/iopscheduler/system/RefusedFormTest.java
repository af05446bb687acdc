package org.iopscheduler.system;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Any refusal in a coordinator's words, next to its field: the one refused-form helper.
 */
class RefusedFormTest {

	static class Form {

		private Integer durationMinutes;

		private Long counselorId;

		public Integer getDurationMinutes() {
			return durationMinutes;
		}

		public Long getCounselorId() {
			return counselorId;
		}

	}

	private final StaticMessageSource messages = new StaticMessageSource();

	/** People name person ids, the calendar names blocks: here, one of each. */
	private final FactWords names = (fact, value, facts) -> {
		if ("counselorId".equals(fact) && Long.valueOf(5).equals(((Number) value).longValue())) {
			return Optional.of("Dana Whitfield");
		}
		if ("blockId".equals(fact)) {
			return Optional.of("Process group, Mondays 18:00-21:00");
		}
		return Optional.empty();
	};

	private final RefusedForm refusedForm = new RefusedForm(new RefusalSentences(messages, List.of(names)), messages);

	private final BeanPropertyBindingResult form = new BeanPropertyBindingResult(new Form(), "form");

	RefusedFormTest() {
		messages.addMessage("block.durationMinutes", Locale.getDefault(), "Length in minutes");
		messages.addMessage("block.counselorId", Locale.getDefault(), "Counselor");
		messages.addMessage("refused.counselor.double-booked", Locale.getDefault(),
				"{counselorId} already leads {otherTitle} on {otherOn} {otherStart}-{otherEnd} ({otherZone}), "
						+ "which overlaps {start}-{end} on {date}.");
		messages.addMessage("refused.plan.block-full", Locale.getDefault(),
				"{blockId} is full on {date}: {placesTaken} of {capacity} places are taken.");
		messages.addMessage("refused.plan.below-minimum", Locale.getDefault(),
				"The plan gives {plannedMinutes} a week, below the program''s minimum of {minimumMinutes}.");
	}

	@Nested
	class ARuleWithWords {

		@Test
		void namesTheCounselorTheirBlockItsDayAndZoneInWords() {
			Refusal why = Refusal.of("counselor.double-booked", "counselorId", "counselor 5 already facilitates ...",
					"counselorId", 5L, "date", "2026-11-02", "otherTitle", "Process group", "otherOn", "MONDAY",
					"otherStart", "18:00", "otherEnd", "21:00", "otherZone", "America/New_York", "start", "16:30",
					"end", "17:30");

			refusedForm.attach(why, null, Map.of(), form, "block", Set.of("durationMinutes", "counselorId"));

			assertThat(form.getFieldError("counselorId").getDefaultMessage())
				.isEqualTo("Dana Whitfield already leads Process group on Mondays 18:00-21:00 (New York time), "
						+ "which overlaps 16:30-17:30 on Mon 2 Nov.");
		}

		@Test
		void namesABlockByTitleDayAndTimeAndKeepsCountsAsNumbers() {
			Refusal why = Refusal.of("plan.block-full", "blockIds", "block 3 is full", "blockId", 3L, "date",
					"2026-12-03", "placesTaken", 12, "capacity", 12);

			assertThat(refusedForm.words(why, null, Map.of(), "enrol"))
				.isEqualTo("Process group, Mondays 18:00-21:00 is full on Thu 3 Dec: 12 of 12 places are taken.");
		}

		@Test
		void writesMinutesAsHours() {
			Refusal why = Refusal.of("plan.below-minimum", "blockIds", "the plan gives 480 minutes", "plannedMinutes",
					480, "minimumMinutes", 540);

			assertThat(refusedForm.words(why, null, Map.of(), "enrol"))
				.isEqualTo("The plan gives 8 h a week, below the program's minimum of 9 h.");
		}

	}

	@Nested
	class ARuleWithoutWords {

		@Test
		void showsTheSentenceWithTheFieldsLabelAndTheCounselorsName() {
			refusedForm.attach(new InvalidInput("counselorId 5 is a participant, not a member of staff"), form, "block",
					Set.of("durationMinutes", "counselorId"));

			assertThat(form.getFieldError("counselorId").getDefaultMessage())
				.isEqualTo("Dana Whitfield is a participant, not a member of staff");
		}

		@Test
		void goesNextToTheFieldItNamesWithoutTheFieldName() {
			refusedForm.attach(new InvalidInput("durationMinutes: 0 is outside 1..720"), form, "block",
					Set.of("durationMinutes", "counselorId"));

			assertThat(form.getFieldError("durationMinutes").getDefaultMessage()).isEqualTo("0 is outside 1 to 720");
			assertThat(form.getGlobalErrors()).isEmpty();
		}

		@Test
		void putsLabelsForFieldNamesAndWordsForDaysAndDates() {
			refusedForm.attach(new RuleViolation("durationMinutes on MONDAY 2026-11-02 is too long"), form, "block",
					Set.of("counselorId"));

			assertThat(form.getGlobalError().getDefaultMessage())
				.isEqualTo("Length in minutes on Mondays Mon 2 Nov is too long");
		}

		@Test
		void aboutNoFieldOfTheFormIsShownAboveIt() {
			refusedForm.attach(new RuleViolation("session 7 was already cancelled"), form, "block",
					Set.of("counselorId"));

			assertThat(form.getFieldErrors()).isEmpty();
			assertThat(form.getGlobalError().getDefaultMessage()).isEqualTo("Session 7 was already cancelled");
		}

	}

}
