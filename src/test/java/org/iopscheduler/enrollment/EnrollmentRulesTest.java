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

		@Test
		void aChangeDatedBeforeAScheduledChangeReplacesIt() {
			// break 1 of #10: {Mon, Tue, Thu}; from W+2 {Mon, Tue, Fri}; then from W+1
			// {Mon, Tue, Thu}
			Enrollment e = enrollment(List.of(1L, 2L, 4L));
			e.changePlan(START.plusWeeks(2), List.of(1L, 2L, 5L));
			List<PlanStretch> replaced = e.changePlan(START.plusWeeks(1), List.of(1L, 2L, 4L));
			assertThat(replaced).extracting(PlanStretch::from).containsExactly(START.plusWeeks(2));
			assertThat(e.blocksOn(START.plusWeeks(2))).containsExactlyInAnyOrder(1L, 2L, 4L);
			assertThat(e.blocksOn(START.plusWeeks(30))).containsExactlyInAnyOrder(1L, 2L, 4L);
			assertThat(e.timeline()).singleElement()
				.satisfies(s -> assertThat(s).isEqualTo(new PlanStretch(START, null, java.util.Set.of(1L, 2L, 4L))));
		}

		@Test
		void aCorrectionOnTheSameDateKeepsOneEntryPerBlockAndDate() {
			// break 2 of #10: the database's key (enrollment, block, valid_from) must
			// never see two
			Enrollment e = enrollment(List.of(1L, 2L, 3L));
			LocalDate from = START.plusWeeks(2);
			e.changePlan(from, List.of(1L, 2L, 4L));
			e.changePlan(from, List.of(1L, 2L, 4L, 5L));
			assertThat(e.getPlan()).extracting(p -> p.getBlockId() + "@" + p.getValidFrom()).doesNotHaveDuplicates();
			assertThat(e.blocksOn(from)).containsExactlyInAnyOrder(1L, 2L, 4L, 5L);
		}

		@Test
		void theTimelineHasOneStretchPerChange() {
			Enrollment e = Enrollment.start(1L, 10L, START, START.plusWeeks(8), List.of(1L, 2L, 3L), Instant.EPOCH);
			e.changePlan(START.plusWeeks(2), List.of(1L, 2L, 4L));
			assertThat(e.timeline()).containsExactly(
					new PlanStretch(START, START.plusWeeks(2).minusDays(1), java.util.Set.of(1L, 2L, 3L)),
					new PlanStretch(START.plusWeeks(2), START.plusWeeks(8), java.util.Set.of(1L, 2L, 4L)));
		}

	}

	@Nested
	class WhoIsExpected {

		@Test
		void aBlockSessionExpectsTheParticipantsWhosePlanHoldsItThatDay() {
			Enrollment e = enrollment(List.of(1L, 2L, 3L));
			e.changePlan(START.plusWeeks(1), List.of(1L, 2L, 4L));
			assertThat(e.expects(Sessions.blockSession(1L, 3L, START.plusDays(3)))).isTrue();
			assertThat(e.expects(Sessions.blockSession(1L, 3L, START.plusWeeks(1).plusDays(3)))).isFalse();
			assertThat(e.expects(Sessions.blockSession(2L, 1L, START))).as("another program").isFalse();
		}

		@Test
		void aMakeUpExpectsTheParticipantsItNamesOnlyWhileTheyAreEnrolled() {
			Enrollment e = enrollment(List.of(1L));
			e.discharge(START.plusWeeks(2), "completed");
			assertThat(e.expects(Sessions.makeUp(1L, 10L, START.plusWeeks(1)))).isTrue();
			assertThat(e.expects(Sessions.makeUp(1L, 10L, START.plusWeeks(3)))).isFalse();
			assertThat(e.expects(Sessions.makeUp(1L, 11L, START.plusWeeks(1)))).isFalse();
		}

	}

	@Nested
	class EveryStretchIsChecked {

		static org.iopscheduler.calendar.WeeklyBlock block(long id, DayOfWeek day, int minutes) {
			return Blocks.block(id, day, minutes);
		}

		@Test
		void aPlanThatFallsBelowTheMinimumWhenABlockEndsIsRefusedNamingThatStretch() {
			var monday = block(1, DayOfWeek.MONDAY, 180);
			var tuesday = block(2, DayOfWeek.TUESDAY, 180);
			var thursday = block(3, DayOfWeek.THURSDAY, 180);
			thursday.endFrom(START.plusWeeks(4));
			var blocks = java.util.Map.of(1L, monday, 2L, tuesday, 3L, thursday);
			PlanStretch plan = new PlanStretch(START, null, java.util.Set.of(1L, 2L, 3L));
			assertThatThrownBy(() -> PlanRules.requireValid(List.of(plan), blocks, 540))
				.isInstanceOf(RuleViolation.class)
				.hasMessageContaining("360")
				.hasMessageContaining("540")
				.hasMessageContaining("from " + START.plusWeeks(4) + " on");
			PlanRules.requireValid(List.of(new PlanStretch(START, START.plusWeeks(4).minusDays(1), plan.blockIds())),
					blocks, 540);
		}

		@Test
		void aScheduledChangeThatMakesTwoBlocksOverlapIsFoundOnItsStretch() {
			var monday = block(1, DayOfWeek.MONDAY, 180);
			var late = block(2, DayOfWeek.MONDAY, 180);
			late.changeFrom(START, new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(22, 0), 180), 7L,
					org.iopscheduler.calendar.Location.of("Room 1", null));
			late.changeFrom(START.plusWeeks(3), new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(19, 0), 180), 7L,
					org.iopscheduler.calendar.Location.of("Room 1", null));
			var third = block(3, DayOfWeek.WEDNESDAY, 180);
			assertThatThrownBy(
					() -> PlanRules.requireValid(List.of(new PlanStretch(START, null, java.util.Set.of(1L, 2L, 3L))),
							java.util.Map.of(1L, monday, 2L, late, 3L, third), 540))
				.isInstanceOf(Conflict.class)
				.hasMessageContaining("from " + START.plusWeeks(3));
		}

	}

}
