package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RefusalTest {

	@Test
	void theDetailNamesTheFieldFirstAsTheApiAlwaysHas() {
		Refusal refusal = Refusal.of("plan.below-minimum", "blockIds", "the plan gives 480 minutes a week",
				"plannedMinutes", 480);

		assertThat(refusal.detail()).isEqualTo("blockIds: the plan gives 480 minutes a week");
		assertThat(new RuleViolation(refusal).getMessage()).isEqualTo(refusal.detail());
	}

	@Test
	void aMessageThatAlreadyStartsWithItsFieldIsNotNamedTwice() {
		Refusal refusal = Refusal.of("program.minimum-below-floor", "minimumWeeklyMinutes",
				"minimumWeeklyMinutes 500 is below the ADULT floor of 540 minutes a week");

		assertThat(refusal.detail()).isEqualTo(refusal.message());
	}

	@Test
	void factsAreNumbersOrTextAsOnTheWire() {
		Refusal refusal = Refusal.of("closure.already-closed", "date", "closed", "programId", 7L, "date",
				LocalDate.of(2026, 11, 2), "to", null);

		assertThat(refusal.facts()).containsEntry("programId", 7L)
			.containsEntry("date", "2026-11-02")
			.containsEntry("to", null);
	}

	@Test
	void aRefusalKnownOnlyByItsSentenceTakesItsKindsRuleAndTheFieldItStartsWith() {
		InvalidInput refused = new InvalidInput("durationMinutes: 0 is outside 1..720");

		assertThat(refused.refusal().rule()).isEqualTo("input.invalid");
		assertThat(refused.refusal().field()).isEqualTo("durationMinutes");
		assertThat(refused.refusal().message()).isEqualTo("0 is outside 1..720");
		assertThat(refused.getMessage()).isEqualTo("durationMinutes: 0 is outside 1..720");
		assertThat(new NotFound("no program with id 5").refusal().field()).isNull();
	}

}
