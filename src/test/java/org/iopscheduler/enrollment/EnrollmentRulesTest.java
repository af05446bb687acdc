package org.iopscheduler.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.iopscheduler.calendar.WeeklySlot;
import org.iopscheduler.enrollment.WeeklyPlan.PlannedBlock;
import org.iopscheduler.system.Conflict;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.RuleViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EnrollmentRulesTest {

	static final LocalDate START = LocalDate.of(2026, 11, 2);

	static final PlanStretch WEEKS = new PlanStretch(START, null, java.util.Set.of());

	static PlannedBlock block(long id, DayOfWeek day, String start, int minutes) {
		return new PlannedBlock(id, "Block " + id, new WeeklySlot(day, LocalTime.parse(start), minutes));
	}

	static Enrollment enrollment(List<Long> blocks) {
		return Enrollment.start(1L, 10L, START, null, blocks, Instant.EPOCH);
	}

	@Nested
	class ThePlan {

		@Test
		void plannedMinutesAreTheSumOfTheChosenBlocks() {
			WeeklyPlan plan = new WeeklyPlan(WEEKS, List.of(block(1, DayOfWeek.MONDAY, "18:00", 180),
					block(2, DayOfWeek.WEDNESDAY, "18:00", 180), block(3, DayOfWeek.THURSDAY, "18:00", 180)));
			assertThat(plan.plannedMinutes()).isEqualTo(540);
			plan.requireReaches(540);
		}

		@Test
		void aPlanBelowTheMinimumIsRefusedWithBothNumbers() {
			WeeklyPlan plan = new WeeklyPlan(WEEKS,
					List.of(block(1, DayOfWeek.MONDAY, "18:00", 180), block(2, DayOfWeek.WEDNESDAY, "18:00", 180)));
			assertThatThrownBy(() -> plan.requireReaches(540)).isInstanceOf(RuleViolation.class)
				.hasMessageContaining("360")
				.hasMessageContaining("540");
		}

		@Test
		void twoChosenBlocksMayNotOverlap() {
			WeeklyPlan plan = new WeeklyPlan(WEEKS,
					List.of(block(1, DayOfWeek.MONDAY, "18:00", 180), block(2, DayOfWeek.MONDAY, "20:00", 60)));
			assertThatThrownBy(plan::requireNoOverlap).isInstanceOf(Conflict.class).hasMessageContaining("overlap");
		}

	}

	@Nested
	class Dates {

		@Test
		void anEndBeforeTheStartIsRefused() {
			assertThatThrownBy(() -> Enrollment.start(1L, 10L, START, START.minusDays(1), List.of(1L), Instant.EPOCH))
				.isInstanceOf(InvalidInput.class);
		}

		@Test
		void anEnrollmentCoversItsFirstAndLastDay() {
			Enrollment e = Enrollment.start(1L, 10L, START, START.plusWeeks(8), List.of(1L), Instant.EPOCH);
			assertThat(e.covers(START)).isTrue();
			assertThat(e.covers(START.plusWeeks(8))).isTrue();
			assertThat(e.covers(START.plusWeeks(8).plusDays(1))).isFalse();
			assertThat(e.covers(START.minusDays(1))).isFalse();
		}

		@Test
		void noSessionsAfterTheDischargeDate() {
			Enrollment e = enrollment(List.of(1L));
			e.discharge(START.plusWeeks(3), "completed treatment");
			assertThat(e.blocksOn(START.plusWeeks(3))).containsExactly(1L);
			assertThat(e.blocksOn(START.plusWeeks(3).plusDays(1))).isEmpty();
			assertThat(e.lastDay()).isEqualTo(START.plusWeeks(3));
		}

		@Test
		void aDischargeIsRecordedOnce() {
			Enrollment e = enrollment(List.of(1L));
			e.discharge(START.plusWeeks(3), "completed");
			assertThatThrownBy(() -> e.discharge(START.plusWeeks(4), "again")).isInstanceOf(RuleViolation.class);
		}

		@Test
		void aDischargeBeforeTheStartIsRefused() {
			assertThatThrownBy(() -> enrollment(List.of(1L)).discharge(START.minusDays(1), "x"))
				.isInstanceOf(RuleViolation.class);
		}

	}

	@Nested
	class PlanChanges {

		@Test
		void aPlanChangeTakesEffectFromItsDateAndKeepsTheWeeksBefore() {
			Enrollment e = enrollment(List.of(1L, 2L, 3L));
			LocalDate from = START.plusWeeks(2);
			e.changePlan(from, List.of(1L, 2L, 4L));
			assertThat(e.blocksOn(from.minusDays(1))).containsExactlyInAnyOrder(1L, 2L, 3L);
			assertThat(e.blocksOn(from)).containsExactlyInAnyOrder(1L, 2L, 4L);
		}

		@Test
		void aSecondChangeOnTheSameDateReplacesTheFirst() {
			Enrollment e = enrollment(List.of(1L, 2L, 3L));
			LocalDate from = START.plusWeeks(2);
			e.changePlan(from, List.of(1L, 2L, 4L));
			e.changePlan(from, List.of(1L, 2L, 5L));
			assertThat(e.blocksOn(from)).containsExactlyInAnyOrder(1L, 2L, 5L);
			assertThat(e.blocksOn(START)).containsExactlyInAnyOrder(1L, 2L, 3L);
		}

		@Test
		void thePlanCannotChangeAfterTheLastDay() {
			Enrollment e = enrollment(List.of(1L));
			e.discharge(START.plusWeeks(1), "moved away");
			assertThatThrownBy(() -> e.changePlan(START.plusWeeks(2), List.of(2L))).isInstanceOf(RuleViolation.class);
		}

	}

}
