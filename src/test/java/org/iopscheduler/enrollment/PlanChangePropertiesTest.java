package org.iopscheduler.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.Location;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.calendar.WeeklySlot;
import org.iopscheduler.system.DomainException;

/**
 * Random sequences of dated plan changes and attendance, each change accepted only when
 * the rules the service applies let it through. Whatever the order of the dates, the plan
 * is what the changes say (a change from D holds every day from D on), every stretch
 * reaches the minimum, and no session with recorded attendance ever leaves the
 * participant's roster.
 */
class PlanChangePropertiesTest {

	static final LocalDate START = LocalDate.of(2026, 11, 2);

	static final int MINIMUM = 540;

	static final int WEEKS = 20;

	/**
	 * Mon, Tue, Wed, Thu, Fri (ends after ten weeks), Sat, and a Monday block overlapping
	 * the first.
	 */
	static final Map<Long, WeeklyBlock> BLOCKS = blocks();

	static Map<Long, WeeklyBlock> blocks() {
		Map<Long, WeeklyBlock> blocks = new TreeMap<>();
		blocks.put(1L, Blocks.block(1, DayOfWeek.MONDAY, 180));
		blocks.put(2L, Blocks.block(2, DayOfWeek.TUESDAY, 180));
		blocks.put(3L, Blocks.block(3, DayOfWeek.WEDNESDAY, 120));
		blocks.put(4L, Blocks.block(4, DayOfWeek.THURSDAY, 180));
		WeeklyBlock friday = Blocks.block(5, DayOfWeek.FRIDAY, 240);
		friday.endFrom(START.plusWeeks(10));
		blocks.put(5L, friday);
		blocks.put(6L, Blocks.block(6, DayOfWeek.SATURDAY, 180));
		WeeklyBlock overlapping = Blocks.block(7, DayOfWeek.MONDAY, 60);
		overlapping.changeFrom(START.minusWeeks(1), new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(20, 0), 60), 7L,
				Location.of("Room 1", null));
		blocks.put(7L, overlapping);
		return blocks;
	}

	/** A plan change from a day, or attendance marked at one of the plan's sessions. */
	record Step(boolean change, int day, Set<Long> blocks, long attendedBlock) {
	}

	record Change(LocalDate from, Set<Long> blocks) {
	}

	@Property(tries = 400)
	void datedPlanChangesKeepEveryStretchAtTheMinimumAndNeverUnrosterAttendance(@ForAll("steps") List<Step> steps) {
		List<Change> accepted = new ArrayList<>();
		List<DatedSession> attended = new ArrayList<>();
		Enrollment enrollment = replay(accepted);
		for (Step step : steps) {
			LocalDate day = START.plusDays(step.day());
			if (!step.change()) {
				WeeklyBlock block = BLOCKS.get(step.attendedBlock());
				DatedSession session = Sessions.blockSession(1L, step.attendedBlock(), day
					.with(java.time.temporal.TemporalAdjusters.nextOrSame(block.sorted().get(0).getDayOfWeek())));
				if (enrollment.expects(session)) {
					attended.add(session);
				}
				continue;
			}
			List<Change> tried = new ArrayList<>(accepted);
			tried.add(new Change(day, step.blocks()));
			Enrollment candidate = replay(tried);
			if (passes(candidate, day, step.blocks()) && attended.stream().allMatch(candidate::expects)) {
				accepted = tried;
				enrollment = candidate;
			}
			assertHolds(enrollment, accepted, attended);
		}
	}

	/**
	 * The checks Enrollments.changePlan makes on the new stretch, before it saves
	 * anything.
	 */
	static boolean passes(Enrollment enrollment, LocalDate from, Set<Long> blocks) {
		try {
			PlanStretch stretch = new PlanStretch(enrollment.effectiveDate(from), enrollment.lastDay(), blocks);
			PlanRules.requireBlocksOfProgram(program(), stretch, BLOCKS);
			PlanRules.requireValid(List.of(stretch), BLOCKS, MINIMUM);
			return true;
		}
		catch (DomainException refused) {
			return false;
		}
	}

	static void assertHolds(Enrollment enrollment, List<Change> accepted, List<DatedSession> attended) {
		PlanRules.requireValid(enrollment.timeline(), BLOCKS, MINIMUM);
		assertThat(attended).allMatch(enrollment::expects);
		for (int d = 0; d < WEEKS * 7; d++) {
			LocalDate date = START.plusDays(d);
			assertThat(enrollment.blocksOn(date)).as("plan on %s after %s", date, accepted)
				.containsExactlyInAnyOrderElementsOf(model(accepted, date));
		}
		Set<String> keys = new HashSet<>();
		for (PlanEntry entry : enrollment.getPlan()) {
			assertThat(keys.add(entry.getBlockId() + "@" + entry.getValidFrom())).as("one entry per block and date")
				.isTrue();
		}
	}

	/**
	 * A change from D replaces every change dated on or after D; the plan on a day is the
	 * latest one before it.
	 */
	static Set<Long> model(List<Change> accepted, LocalDate date) {
		List<Change> standing = new ArrayList<>();
		for (Change change : accepted) {
			LocalDate from = change.from().isBefore(START) ? START : change.from();
			standing.removeIf(c -> !c.from().isBefore(from));
			standing.add(new Change(from, change.blocks()));
		}
		Set<Long> plan = Set.of(1L, 2L, 4L);
		for (Change change : standing) {
			if (!change.from().isAfter(date)) {
				plan = change.blocks();
			}
		}
		return plan;
	}

	static Enrollment replay(List<Change> changes) {
		Enrollment enrollment = Enrollment.start(1L, 10L, START, null, List.of(1L, 2L, 4L), Instant.EPOCH);
		changes.forEach(c -> enrollment.changePlan(c.from(), c.blocks()));
		return enrollment;
	}

	static org.iopscheduler.program.Program program() {
		org.iopscheduler.program.Program program = org.iopscheduler.program.Program.create("IOP",
				org.iopscheduler.program.Population.ADULT, "America/New_York", null, Instant.EPOCH);
		org.springframework.test.util.ReflectionTestUtils.setField(program, "id", 1L);
		return program;
	}

	@Provide
	Arbitrary<List<Step>> steps() {
		Arbitrary<Set<Long>> plans = Arbitraries.longs().between(1, 7).set().ofMinSize(1).ofMaxSize(6);
		Arbitrary<Step> step = Combinators
			.combine(Arbitraries.integers().between(0, 9).map(n -> n < 6),
					Arbitraries.integers().between(0, WEEKS * 7 - 1), plans, Arbitraries.longs().between(1, 7))
			.as(Step::new);
		return step.list().ofMinSize(1).ofMaxSize(12);
	}

}
