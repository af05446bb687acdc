package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.program.Program;
import org.iopscheduler.system.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a coordinator, while they pick blocks, whether enrolling would be refused and
 * why. It asks the same plan rules as {@link Enrollments#enrol} (its own blocks, minimum,
 * overlap, full groups) for their refusals, without saving or locking anything: the
 * enrolment itself checks again under its locks.
 */
@Service
@RequiredArgsConstructor
public class PlanPreview {

	private final Enrollments enrollments;

	/**
	 * @param refusal why enrolling with this plan would be refused (the first rule that
	 * says no), or null if the plan passes
	 */
	public record Verdict(int plannedMinutes, int minimumWeeklyMinutes, Refusal refusal) {

		public boolean passes() {
			return refusal == null;
		}

		public int missingMinutes() {
			return Math.max(0, minimumWeeklyMinutes - plannedMinutes);
		}

	}

	@Transactional(readOnly = true)
	public Verdict check(Program program, List<Long> blockIds, LocalDate startDate, LocalDate endDate) {
		int minimum = program.getMinimumWeeklyMinutes();
		Set<Long> chosen = new LinkedHashSet<>(blockIds == null ? List.of() : blockIds);
		if (chosen.isEmpty()) {
			return new Verdict(0, minimum,
					Refusal.of("plan.no-blocks", "blockIds", "choose at least one block", "minimumMinutes", minimum));
		}
		List<Refusal> refusals = enrollments.refusals(program, chosen, startDate, endDate);
		Refusal first = refusals.isEmpty() ? null : refusals.get(0);
		return new Verdict(planned(first, program, chosen, startDate), minimum, first);
	}

	/**
	 * The same verdict for changing an enrollment's plan from {@code from} to its last
	 * day; the places it holds already do not count against it.
	 */
	@Transactional(readOnly = true)
	public Verdict checkChange(Enrollment enrollment, Program program, List<Long> blockIds, LocalDate from) {
		int minimum = program.getMinimumWeeklyMinutes();
		Set<Long> chosen = new LinkedHashSet<>(blockIds == null ? List.of() : blockIds);
		if (chosen.isEmpty()) {
			return new Verdict(0, minimum,
					Refusal.of("plan.no-blocks", "blockIds", "choose at least one block", "minimumMinutes", minimum));
		}
		List<Refusal> refusals = enrollments.refusals(program, chosen, from, enrollment.lastDay(), enrollment.getId());
		Refusal first = refusals.isEmpty() ? null : refusals.get(0);
		return new Verdict(planned(first, program, chosen, from), minimum, first);
	}

	/**
	 * The running total on the first day; nothing while a block is not one the program
	 * can offer.
	 */
	private int planned(Refusal first, Program program, Set<Long> chosen, LocalDate on) {
		if (first != null && Set.of("plan.block-of-another-program", "plan.block-ended").contains(first.rule())) {
			return 0;
		}
		return enrollments.plannedMinutes(program, chosen, on);
	}

	/**
	 * The most places taken in any one session of the block from the date on, for showing
	 * next to the choice.
	 */
	@Transactional(readOnly = true)
	public long placesTaken(WeeklyBlock block, LocalDate from) {
		return enrollments.placesTaken(block, from);
	}

}
