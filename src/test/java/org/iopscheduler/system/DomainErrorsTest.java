package org.iopscheduler.system;

import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;

import static org.assertj.core.api.Assertions.assertThat;

class DomainErrorsTest {

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

	private final BeanPropertyBindingResult form = new BeanPropertyBindingResult(new Form(), "form");

	@Test
	void aMessageThatNamesAFieldWithAColonGoesNextToThatFieldWithoutTheName() {
		DomainErrors.attach(new InvalidInput("durationMinutes: 0 is outside 1..720"), form,
				Set.of("durationMinutes", "counselorId"));

		assertThat(form.getFieldError("durationMinutes").getDefaultMessage()).isEqualTo("0 is outside 1..720");
		assertThat(form.getGlobalErrors()).isEmpty();
	}

	@Test
	void aMessageThatStartsWithAFieldNameInASentenceGoesNextToThatFieldWhole() {
		DomainErrors.attach(new Conflict("counselorId 5 already facilitates block 3"), form,
				Set.of("durationMinutes", "counselorId"));

		assertThat(form.getFieldError("counselorId").getDefaultMessage())
			.isEqualTo("counselorId 5 already facilitates block 3");
	}

	@Test
	void aMessageAboutNoFieldOfTheFormIsShownAboveIt() {
		DomainErrors.attach(new RuleViolation("session 7 was already cancelled"), form, Set.of("counselorId"));

		assertThat(form.getFieldErrors()).isEmpty();
		assertThat(form.getGlobalError().getDefaultMessage()).isEqualTo("session 7 was already cancelled");
	}

}
