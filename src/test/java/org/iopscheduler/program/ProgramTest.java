package org.iopscheduler.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

class ProgramTest {

	static Program adult(Integer minimum) {
		return Program.create("Evening IOP", Population.ADULT, "America/New_York", minimum, Instant.EPOCH);
	}

	@Test
	void anAdultProgramDefaultsToNineHoursAWeek() {
		assertThat(adult(null).getMinimumWeeklyMinutes()).isEqualTo(540);
	}

	@Test
	void anAdolescentProgramDefaultsToSixHoursAWeek() {
		assertThat(Program.create("Teens", Population.ADOLESCENT, "UTC", null, Instant.EPOCH).getMinimumWeeklyMinutes())
			.isEqualTo(360);
	}

	@Test
	void aProgramMayAskMoreThanItsFloor() {
		assertThat(adult(600).getMinimumWeeklyMinutes()).isEqualTo(600);
	}

	@Test
	void aMinimumBelowThePopulationFloorIsRefusedWithBothNumbers() {
		assertThatThrownBy(() -> adult(539)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("539")
			.hasMessageContaining("540");
		assertThatThrownBy(() -> Program.create("Teens", Population.ADOLESCENT, "UTC", 359, Instant.EPOCH))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void aSavedProgramsMinimumMayRiseButNeverFall() {
		Program program = adult(600);
		ReflectionTestUtils.setField(program, "id", 1L);
		program.changeMinimum(660);
		assertThat(program.getMinimumWeeklyMinutes()).isEqualTo(660);
		assertThatThrownBy(() -> program.changeMinimum(600)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("only be raised");
	}

	@Test
	void theTimeZoneMustBeAnIanaZoneId() {
		assertThatThrownBy(() -> Program.create("X", Population.ADULT, "Eastern", null, Instant.EPOCH))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("timeZone");
	}

}
