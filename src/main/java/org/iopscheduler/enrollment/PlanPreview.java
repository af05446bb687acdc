package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.program.Program;
import org.iopscheduler.system.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a coordinator, while they pick blocks, whether enrolling would be refused and
 * why. The same plan rules as {@link Enrollments#enrol} (minimum, overlap, full groups),
 * without saving or locking anything: the enrolment itself checks again under its locks.
 */
@Service
@RequiredArgsConstructor
public class PlanPreview {

	private final Enrollments enrollments;

	private final Blocks blocks;

	/**
	 * @param refusal why enrolling with this plan would be refused, or null if the plan
	 * passes
	 */
	public record Verdict(int plannedMinutes, int minimumWeeklyMinutes, String refusal) {

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
			return new Verdict(0, minimum, "choose at least one block");
		}
		List<WeeklyPlan> plans;
		try {
			plans = enrollments.plans(program, chosen, startDate, endDate);
		}
		catch (DomainException refused) {
			return new Verdict(0, minimum, plain(refused));
		}
		int planned = plans.get(0).plannedMinutes();
		for (WeeklyPlan plan : plans) {
			try {
				plan.requireNoOverlap();
				plan.requireReaches(minimum);
			}
			catch (DomainException refused) {
				return new Verdict(planned, minimum, plain(refused));
			}
		}
		for (WeeklyBlock block : blocks.byIds(chosen)) {
			var full = enrollments.firstFullSession(block, startDate, endDate);
			if (full.isPresent()) {
				return new Verdict(planned, minimum, "block '" + block.getTitle() + "' is full on " + full.get().date()
						+ ": " + full.get().taken() + " of " + block.getCapacity() + " places are taken");
			}
		}
		return new Verdict(planned, minimum, null);
	}

	/**
	 * The most places taken in any one session of the block from the date on, for showing
	 * next to the choice.
	 */
	@Transactional(readOnly = true)
	public long placesTaken(WeeklyBlock block, LocalDate from) {
		return enrollments.placesTaken(block, from);
	}

	/**
	 * The domain names the request field ("blockIds: ..."); the page speaks of the choice
	 * itself.
	 */
	private static String plain(DomainException refused) {
		String message = refused.getMessage();
		return message.startsWith("blockIds: ") ? message.substring("blockIds: ".length()) : message;
	}

}
