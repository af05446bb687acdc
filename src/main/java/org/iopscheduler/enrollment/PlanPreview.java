package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.calendar.WeeklyBlockRepository;
import org.iopscheduler.program.Program;
import org.iopscheduler.system.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a coordinator, while they pick blocks, whether enrolling would be refused and why. The
 * same plan rules as {@link Enrollments#enrol} (minimum, overlap, full groups), without saving
 * or locking anything: the enrolment itself checks again under its locks.
 */
@Service
@RequiredArgsConstructor
public class PlanPreview {

	private final Enrollments enrollments;

	private final EnrollmentRepository enrollmentRepository;

	private final WeeklyBlockRepository blocks;

	/** @param refusal why enrolling with this plan would be refused, or null if the plan passes */
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
		WeeklyPlan plan;
		try {
			plan = enrollments.plan(program, chosen, startDate);
		}
		catch (DomainException refused) {
			return new Verdict(0, minimum, plain(refused));
		}
		int planned = plan.plannedMinutes();
		try {
			plan.requireNoOverlap();
			plan.requireReaches(minimum);
		}
		catch (DomainException refused) {
			return new Verdict(planned, minimum, plain(refused));
		}
		LocalDate until = endDate != null ? endDate : Enrollments.OPEN_END;
		for (WeeklyBlock block : blocks.findAllById(chosen)) {
			long taken = enrollmentRepository.countHolding(block.getId(), -1, startDate, until);
			if (taken >= block.getCapacity()) {
				return new Verdict(planned, minimum, "block '" + block.getTitle() + "' is full: " + taken + " of "
						+ block.getCapacity() + " places are taken");
			}
		}
		return new Verdict(planned, minimum, null);
	}

	/** Places already taken in each block from the date on, for showing next to the choice. */
	@Transactional(readOnly = true)
	public long placesTaken(long blockId, LocalDate from) {
		return enrollmentRepository.countHolding(blockId, -1, from, Enrollments.OPEN_END);
	}

	/** The domain names the request field ("blockIds: ..."); the page speaks of the choice itself. */
	private static String plain(DomainException refused) {
		String message = refused.getMessage();
		return message.startsWith("blockIds: ") ? message.substring("blockIds: ".length()) : message;
	}

}
