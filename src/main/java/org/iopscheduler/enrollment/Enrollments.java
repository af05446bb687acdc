package org.iopscheduler.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.BlockVersion;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.calendar.WeeklyBlockRepository;
import org.iopscheduler.enrollment.WeeklyPlan.PlannedBlock;
import org.iopscheduler.people.AccountRepository;
import org.iopscheduler.people.People;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.Conflict;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrols participants, changes their plans and discharges them. Rules that span rows are checked
 * under database row locks (the participant's account, then the chosen blocks in id order), so they
 * hold when many requests race, on one instance or several.
 */
@Service
@RequiredArgsConstructor
public class Enrollments {

	/** Stands for "no end yet" in range queries. */
	static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

	private final EnrollmentRepository enrollments;

	private final WeeklyBlockRepository blocks;

	private final AccountRepository accounts;

	private final People people;

	private final Programs programs;

	private final Clock clock;

	@Transactional
	public Enrollment enrol(long programId, long participantId, LocalDate startDate, LocalDate endDate,
			List<Long> blockIds) {
		Program program = programs.get(programId);
		people.participant(participantId);
		Set<Long> chosen = distinct(blockIds);
		if (endDate != null && endDate.isBefore(startDate)) {
			throw new InvalidInput("endDate: " + endDate + " is before startDate " + startDate);
		}
		WeeklyPlan plan = plan(program, chosen, startDate);
		plan.requireNoOverlap();
		plan.requireReaches(program.getMinimumWeeklyMinutes());

		accounts.lockById(participantId);
		refuseSecondEnrollment(participantId, programId, startDate, endDate, null);
		holdPlaces(chosen, startDate, endDate, -1);
		return enrollments.saveAndFlush(
				Enrollment.start(programId, participantId, startDate, endDate, chosen, clock.instant()));
	}

	/** The new plan applies from {@code effectiveFrom} (default: today in the program's zone). */
	@Transactional
	public Enrollment changePlan(long enrollmentId, List<Long> blockIds, LocalDate effectiveFrom) {
		Enrollment enrollment = get(enrollmentId);
		Program program = programs.get(enrollment.getProgramId());
		LocalDate from = effectiveFrom != null ? effectiveFrom : program.today(clock.instant());
		if (from.isBefore(enrollment.getStartDate())) {
			from = enrollment.getStartDate();
		}
		Set<Long> chosen = distinct(blockIds);
		WeeklyPlan plan = plan(program, chosen, from);
		plan.requireNoOverlap();
		plan.requireReaches(program.getMinimumWeeklyMinutes());

		accounts.lockById(enrollment.getParticipantId());
		Set<Long> added = new LinkedHashSet<>(chosen);
		added.removeAll(enrollment.planOn(from));
		holdPlaces(added, from, enrollment.lastDay(), enrollment.getId());
		enrollment.changePlan(from, chosen);
		return enrollments.saveAndFlush(enrollment);
	}

	@Transactional
	public Enrollment discharge(long enrollmentId, LocalDate date, String reason) {
		Enrollment enrollment = get(enrollmentId);
		enrollment.discharge(date, reason);
		return enrollments.saveAndFlush(enrollment);
	}

	@Transactional(readOnly = true)
	public Enrollment get(long enrollmentId) {
		return enrollments.findWithPlan(enrollmentId)
			.orElseThrow(() -> new NotFound("no enrollment with id " + enrollmentId));
	}

	@Transactional(readOnly = true)
	public List<Enrollment> ofProgram(long programId, LocalDate from, LocalDate to) {
		programs.get(programId);
		return enrollments.findInProgramDuring(programId, from, to);
	}

	@Transactional(readOnly = true)
	public List<Enrollment> ofParticipant(long participantId) {
		people.participant(participantId);
		return enrollments.findByParticipantIdOrderByStartDate(participantId);
	}

	/** The plan as it stands on the date, with each block's slot on that date. */
	@Transactional(readOnly = true)
	public WeeklyPlan plan(Program program, Collection<Long> blockIds, LocalDate on) {
		Map<Long, WeeklyBlock> found = blocks.findWithVersions(blockIds)
			.stream()
			.collect(Collectors.toMap(WeeklyBlock::getId, Function.identity()));
		List<PlannedBlock> planned = blockIds.stream().map(id -> {
			WeeklyBlock block = found.get(id);
			if (block == null || !block.getProgramId().equals(program.getId())) {
				throw new InvalidInput("blockIds: " + id + " is not a block of program " + program.getId());
			}
			if (block.endsOn() != null && !block.endsOn().isAfter(on)) {
				throw new RuleViolation("blockIds: block " + id + " '" + block.getTitle() + "' ended on "
						+ block.endsOn().minusDays(1));
			}
			BlockVersion version = block.versionAround(on);
			return new PlannedBlock(id, block.getTitle(), version.slot());
		}).toList();
		return new WeeklyPlan(on, planned);
	}

	/**
	 * One program at a time: the level of care is billed per program, so a participant's
	 * enrollments, in this or any other program, may not share a day. A transfer ends one and
	 * starts the other the next day.
	 */
	private void refuseSecondEnrollment(long participantId, long programId, LocalDate from, LocalDate to,
			Long except) {
		for (Enrollment other : enrollments.findOfParticipantDuring(participantId, from,
				to == null ? OPEN_END : to)) {
			if (other.getId().equals(except)) {
				continue;
			}
			String where = other.getProgramId() == programId ? "this program"
					: "program " + other.getProgramId() + " (one program at a time)";
			throw new Conflict("participantId: participant " + participantId + " already has enrollment "
					+ other.getId() + " in " + where + " from " + other.getStartDate()
					+ (other.lastDay() == null ? " with no end" : " to " + other.lastDay()));
		}
	}

	/** The last place of a group cannot be taken twice: counted under the block's row lock. */
	private void holdPlaces(Collection<Long> blockIds, LocalDate from, LocalDate to, long except) {
		if (blockIds.isEmpty()) {
			return;
		}
		for (WeeklyBlock block : blocks.lockAll(blockIds)) {
			long taken = enrollments.countHolding(block.getId(), except, from, to == null ? OPEN_END : to);
			if (taken >= block.getCapacity()) {
				throw new Conflict("blockIds: block " + block.getId() + " '" + block.getTitle() + "' is full: "
						+ taken + " of " + block.getCapacity() + " places are taken");
			}
		}
	}

	private static Set<Long> distinct(List<Long> blockIds) {
		if (blockIds == null || blockIds.isEmpty()) {
			throw new InvalidInput("blockIds: at least one block is required");
		}
		if (blockIds.stream().anyMatch(java.util.Objects::isNull)) {
			throw new InvalidInput("blockIds: must not contain null");
		}
		Set<Long> chosen = new LinkedHashSet<>(blockIds);
		if (chosen.size() != blockIds.size()) {
			throw new InvalidInput("blockIds: a block may be chosen only once");
		}
		return chosen;
	}


	/** Minutes a week of the blocks as they stand on the date; ended blocks count nothing. */
	@Transactional(readOnly = true)
	public int plannedMinutes(Program program, Collection<Long> blockIds, LocalDate on) {
		return blocks.findWithVersions(blockIds)
			.stream()
			.filter(b -> b.getProgramId().equals(program.getId()))
			.mapToInt(b -> b.versionOn(on).map(v -> v.getDurationMinutes()).orElse(0))
			.sum();
	}

}
