package org.iopscheduler.enrollment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.hibernate.Hibernate;

import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.DoseInputsChanged;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.MarkedSessions;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.enrollment.internal.EnrollmentRepository;
import org.iopscheduler.people.People;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.Conflict;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrols participants, changes their plans and discharges them. Rules that span rows are
 * checked under database row locks (the participant's account, then the chosen blocks in
 * id order), so they hold when many requests race, on one instance or several.
 */
@Service
@RequiredArgsConstructor
public class Enrollments {

	/** Stands for "no end yet" in range queries. */
	static final LocalDate OPEN_END = LocalDate.of(9999, 12, 31);

	private final EnrollmentRepository enrollments;

	private final Blocks blocks;

	private final People people;

	private final Programs programs;

	private final MarkedSessions markedSessions;

	private final Clock clock;

	private final ClinicCalendar calendar;

	private final ApplicationEventPublisher events;

	@Transactional
	public Enrollment enrol(long programId, long participantId, LocalDate startDate, LocalDate endDate,
			List<Long> blockIds) {
		Program program = programs.get(programId);
		people.participant(participantId);
		Set<Long> chosen = distinct(blockIds);
		if (endDate != null && endDate.isBefore(startDate)) {
			throw new InvalidInput(Refusal.of("enrollment.end-before-start", "endDate",
					endDate + " is before startDate " + startDate, "endDate", endDate, "startDate", startDate));
		}
		PlanStretch stretch = new PlanStretch(startDate, endDate, chosen);
		Map<Long, WeeklyBlock> found = blocksOf(chosen);
		PlanRules.requireBlocksOfProgram(program, stretch, found);
		PlanRules.requireValid(List.of(stretch), found, program.getMinimumWeeklyMinutes());

		people.lock(participantId);
		refuseSecondEnrollment(participantId, programId, startDate, endDate, null);
		Days days = new Days(startDate, endDate);
		holdPlaces(chosen.stream().collect(Collectors.toMap(id -> id, id -> List.of(days))), -1);
		return counted(enrollments
			.saveAndFlush(Enrollment.start(programId, participantId, startDate, endDate, chosen, clock.instant())));
	}

	/** A plan change and the scheduled stretches it replaced. */
	public record PlanChanged(Enrollment enrollment, List<PlanStretch> replaced) {
	}

	/**
	 * The new plan applies from {@code effectiveFrom} (default: today in the program's
	 * zone) for every day after it, replacing the changes scheduled from that date on.
	 * Refused when the plan would fall below the minimum or overlap on any day, when a
	 * newly attended session is full, or when it would take the participant off a session
	 * whose attendance is already recorded.
	 */
	@Transactional
	public PlanChanged changePlan(long enrollmentId, List<Long> blockIds, LocalDate effectiveFrom) {
		return changePlan(enrollmentId, blockIds, effectiveFrom, unchecked -> {
		});
	}

	/**
	 * As above, after {@code precondition} (the caller's If-Match) accepted the
	 * enrollment as it is under its row lock.
	 */
	@Transactional
	public PlanChanged changePlan(long enrollmentId, List<Long> blockIds, LocalDate effectiveFrom,
			Consumer<Enrollment> precondition) {
		Set<Long> chosen = distinct(blockIds);
		Enrollment enrollment = holdInLockOrder(enrollmentId, unchanged -> chosen);
		precondition.accept(enrollment);
		Program program = programs.get(enrollment.getProgramId());
		LocalDate from = enrollment.effectiveDate(effectiveFrom != null ? effectiveFrom : calendar.today(program));
		PlanStretch stretch = new PlanStretch(from, enrollment.lastDay(), chosen);
		Map<Long, WeeklyBlock> found = blocksOf(chosen);
		PlanRules.requireBlocksOfProgram(program, stretch, found);
		PlanRules.requireValid(List.of(stretch), found, program.getMinimumWeeklyMinutes());

		List<PlanStretch> before = enrollment.timeline();
		Map<Long, List<Days>> added = new LinkedHashMap<>();
		for (Long block : chosen) {
			List<Days> had = before.stream()
				.filter(s -> s.blockIds().contains(block))
				.map(s -> new Days(s.from(), s.to()))
				.toList();
			List<Days> newly = new Days(from, enrollment.lastDay()).minus(had);
			if (!newly.isEmpty()) {
				added.put(block, newly);
			}
		}
		holdPlaces(added, enrollment.getId());
		List<PlanStretch> replaced = enrollment.changePlan(from, chosen);
		refuseToUnrosterAttendance(enrollment, from, "effectiveFrom", "a plan change");
		return new PlanChanged(counted(enrollments.saveAndFlush(enrollment)), replaced);
	}

	/**
	 * Takes back a scheduled plan change (one that starts after today in the program's
	 * zone): the plan before it runs on until the next change. The same rules as a plan
	 * change hold for the days it gives back to the earlier plan (the minimum, no
	 * overlap, a free place), after {@code precondition} accepted the enrollment under
	 * its lock.
	 */
	@Transactional
	public Enrollment undoPlanChange(long enrollmentId, LocalDate date, Consumer<Enrollment> precondition) {
		// the days given back go to blocks the plan held before
		Enrollment enrollment = holdInLockOrder(enrollmentId, enrollments::findPlanBlockIds);
		precondition.accept(enrollment);
		Program program = programs.get(enrollment.getProgramId());
		LocalDate today = calendar.today(program);
		if (!date.isAfter(today)) {
			throw new RuleViolation(Refusal.of("enrollment.change-not-scheduled", "date",
					"the plan change on " + date + " is not scheduled: it took effect on or before today (" + today
							+ "), and the weeks already lived are history; change the plan from a later date instead",
					"date", date, "today", today));
		}
		List<PlanStretch> before = enrollment.timeline();
		enrollment.undoChange(date);
		// from the date on (the earlier plan's stretch now runs across it: cut it there)
		List<PlanStretch> after = enrollment.timeline()
			.stream()
			.filter(s -> s.to() == null || !s.to().isBefore(date))
			.map(s -> s.from().isBefore(date) ? new PlanStretch(date, s.to(), s.blockIds()) : s)
			.toList();
		Set<Long> used = after.stream().flatMap(s -> s.blockIds().stream()).collect(Collectors.toSet());
		PlanRules.requireValid(after, blocksOf(used), program.getMinimumWeeklyMinutes());
		Map<Long, List<Days>> added = new LinkedHashMap<>();
		for (Long block : used) {
			List<Days> had = daysOf(before, block);
			List<Days> newly = new java.util.ArrayList<>();
			for (Days now : daysOf(after, block)) {
				newly.addAll(now.minus(had));
			}
			if (!newly.isEmpty()) {
				added.put(block, newly);
			}
		}
		holdPlaces(added, enrollment.getId());
		refuseToUnrosterAttendance(enrollment, date, "date", "undoing the plan change");
		return counted(enrollments.saveAndFlush(enrollment));
	}

	/** Who is expected where changed for this enrollment: its weeks count again. */
	private Enrollment counted(Enrollment changed) {
		events.publishEvent(DoseInputsChanged.enrollment(changed.getId()));
		return changed;
	}

	private static List<Days> daysOf(List<PlanStretch> stretches, Long block) {
		return stretches.stream()
			.filter(s -> s.blockIds().contains(block))
			.map(s -> new Days(s.from(), s.to()))
			.toList();
	}

	@Transactional
	public Enrollment discharge(long enrollmentId, LocalDate date, String reason) {
		return discharge(enrollmentId, date, reason, unchecked -> {
		});
	}

	/**
	 * As above, after {@code precondition} accepted the enrollment under its row lock.
	 */
	@Transactional
	public Enrollment discharge(long enrollmentId, LocalDate date, String reason, Consumer<Enrollment> precondition) {
		Enrollment enrollment = holdInLockOrder(enrollmentId, noBlocks -> List.of());
		precondition.accept(enrollment);
		enrollment.discharge(date, reason);
		refuseToUnrosterAttendance(enrollment, date.plusDays(1), "date", "a discharge");
		return counted(enrollments.saveAndFlush(enrollment));
	}

	/**
	 * What was attended is history: a change that would take the participant off a
	 * session on which their attendance is recorded is refused, naming the session.
	 * Checked on the changed enrollment before it is saved, with the one rule of who is
	 * expected where ({@link Enrollment#expects}).
	 */
	private void refuseToUnrosterAttendance(Enrollment changed, LocalDate from, String field, String what) {
		for (DatedSession attended : markedSessions.attendedBy(changed.getParticipantId(), changed.getProgramId(),
				from)) {
			if (!changed.expects(attended)) {
				throw new RuleViolation(Refusal.of("enrollment.attendance-would-leave-roster", field,
						"attendance is recorded for session " + attended.getId() + " '" + attended.getTitle() + "' on "
								+ attended.getDate() + "; " + what + " may only take effect after it",
						"sessionId", attended.getId(), "sessionTitle", attended.getTitle(), "sessionDate",
						attended.getDate(), "from", from));
			}
		}
	}

	/**
	 * The enrollment under its row lock, read after the lock (see EnrollmentRepository),
	 * taken in the one lock order of every write, so that no two writes wait on each
	 * other in a circle: participant's account, blocks (id order), counselor's account,
	 * sessions (id order), attendance marks, enrollments (id order), stored weeks. The
	 * blocks to hold are asked for under the account's lock: every change of the
	 * participant's enrollments takes it first, so the plan they are read from stays as
	 * read.
	 */
	private Enrollment holdInLockOrder(long enrollmentId, Function<Long, Collection<Long>> blocksToHold) {
		long participantId = enrollments.findParticipantId(enrollmentId)
			.orElseThrow(() -> new NotFound("no enrollment with id " + enrollmentId));
		people.lock(participantId);
		Collection<Long> blockIds = blocksToHold.apply(enrollmentId);
		if (!blockIds.isEmpty()) {
			blocks.lockAll(blockIds);
		}
		Enrollment enrollment = enrollments.lockById(enrollmentId)
			.orElseThrow(() -> new NotFound("no enrollment with id " + enrollmentId));
		// the plan is read after the lock, and the answer shows it after the transaction
		Hibernate.initialize(enrollment.getPlan());
		return enrollment;
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

	/**
	 * The participant's enrollments that overlap these days, without checking the
	 * participant: for reports that have already found them.
	 */
	public List<Enrollment> ofParticipantDuring(long participantId, LocalDate from, LocalDate to) {
		return enrollments.findOfParticipantDuring(participantId, from, to);
	}

	/**
	 * Which of these participants already have an enrollment (in any program: one at a
	 * time) on any day from {@code from} to {@code to} (null: no end).
	 */
	@Transactional(readOnly = true)
	public Set<Long> enrolledDuring(Collection<Long> participantIds, LocalDate from, LocalDate to) {
		if (participantIds.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(enrollments.findEnrolledDuring(participantIds, from, to == null ? OPEN_END : to));
	}

	/** The plan's blocks found, by id; unknown ids are left out (the rules name them). */
	private Map<Long, WeeklyBlock> blocksOf(Collection<Long> blockIds) {
		return blocks.withVersions(blockIds)
			.stream()
			.collect(Collectors.toMap(WeeklyBlock::getId, Function.identity()));
	}

	/**
	 * Why a newcomer's plan of these blocks from {@code from} to {@code to} would be
	 * refused, by the rules enrolling applies (its own blocks, not ended, no overlap, the
	 * minimum, then a free place in every session); empty when it passes. Nothing is
	 * locked: enrolling checks again under its locks.
	 */
	@Transactional(readOnly = true)
	public List<Refusal> refusals(Program program, Collection<Long> blockIds, LocalDate from, LocalDate to) {
		return refusals(program, blockIds, from, to, -1);
	}

	/**
	 * The same for a plan change of an enrollment from {@code from}: its own places do
	 * not count against it.
	 */
	@Transactional(readOnly = true)
	public List<Refusal> refusals(Program program, Collection<Long> blockIds, LocalDate from, LocalDate to,
			long enrollmentId) {
		PlanStretch stretch = new PlanStretch(from, to, new LinkedHashSet<>(blockIds));
		Map<Long, WeeklyBlock> found = blocksOf(blockIds);
		List<Refusal> refusals = PlanRules.check(program, stretch, found);
		if (refusals.isEmpty()) {
			for (Long id : blockIds) {
				WeeklyBlock block = found.get(id);
				SessionPlaces
					.firstFull(block, List.of(new Days(from, to)), taken(block.getId(), enrollmentId, from, to))
					.ifPresent(full -> refusals.add(full.refusal(block)));
			}
		}
		return refusals;
	}

	/**
	 * The first session of a block a newcomer from {@code from} to {@code to} could not
	 * get into.
	 */
	@Transactional(readOnly = true)
	public Optional<SessionPlaces.FullSession> firstFullSession(WeeklyBlock block, LocalDate from, LocalDate to) {
		return SessionPlaces.firstFull(block, List.of(new Days(from, to)), taken(block.getId(), -1, from, to));
	}

	/** The most participants already on any one session of the block from the date on. */
	@Transactional(readOnly = true)
	public int placesTaken(WeeklyBlock block, LocalDate from) {
		return SessionPlaces.mostTaken(block, new Days(from, null), taken(block.getId(), -1, from, null));
	}

	/**
	 * One program at a time: the level of care is billed per program, so a participant's
	 * enrollments, in this or any other program, may not share a day. A transfer ends one
	 * and starts the other the next day.
	 */
	private void refuseSecondEnrollment(long participantId, long programId, LocalDate from, LocalDate to, Long except) {
		for (Enrollment other : enrollments.findOfParticipantDuring(participantId, from, to == null ? OPEN_END : to)) {
			if (other.getId().equals(except)) {
				continue;
			}
			String where = other.getProgramId() == programId ? "this program"
					: "program " + other.getProgramId() + " (one program at a time)";
			throw new Conflict(Refusal.of("enrollment.one-program-at-a-time", "participantId",
					"participant " + participantId + " already has enrollment " + other.getId() + " in " + where
							+ " from " + other.getStartDate()
							+ (other.lastDay() == null ? " with no end" : " to " + other.lastDay()),
					"participantId", participantId, "enrollmentId", other.getId(), "programId", other.getProgramId(),
					"startDate", other.getStartDate(), "lastDay", other.lastDay()));
		}
	}

	/**
	 * The last place of a group cannot be taken twice: rosters are counted per session
	 * under the blocks' row locks (taken in id order), so two requests racing for it on
	 * any instance queue.
	 */
	private void holdPlaces(Map<Long, List<Days>> wanted, long except) {
		if (wanted.isEmpty()) {
			return;
		}
		for (WeeklyBlock block : blocks.lockAll(wanted.keySet())) {
			List<Days> days = wanted.get(block.getId());
			LocalDate from = days.get(0).from();
			LocalDate to = days.get(days.size() - 1).to();
			SessionPlaces.firstFull(block, days, taken(block.getId(), except, from, to)).ifPresent(full -> {
				throw new Conflict(full.refusal(block));
			});
		}
	}

	private List<Days> taken(long blockId, long except, LocalDate from, LocalDate to) {
		return enrollments.findHoldings(blockId, except, from, to == null ? OPEN_END : to)
			.stream()
			.map(Holding::days)
			.filter(java.util.Objects::nonNull)
			.toList();
	}

	private static Set<Long> distinct(List<Long> blockIds) {
		if (blockIds == null || blockIds.isEmpty()) {
			throw new InvalidInput(Refusal.of("plan.blocks-required", "blockIds", "at least one block is required"));
		}
		if (blockIds.stream().anyMatch(java.util.Objects::isNull)) {
			throw new InvalidInput(Refusal.of("plan.block-missing", "blockIds", "must not contain null"));
		}
		Set<Long> chosen = new LinkedHashSet<>(blockIds);
		if (chosen.size() != blockIds.size()) {
			throw new InvalidInput(Refusal.of("plan.block-twice", "blockIds", "a block may be chosen only once"));
		}
		return chosen;
	}

	/**
	 * Minutes a week of the blocks as they stand on the date; ended blocks count nothing.
	 */
	@Transactional(readOnly = true)
	public int plannedMinutes(Program program, Collection<Long> blockIds, LocalDate on) {
		return blocks.withVersions(blockIds)
			.stream()
			.filter(b -> b.getProgramId().equals(program.getId()))
			.mapToInt(b -> b.versionOn(on).map(v -> v.getDurationMinutes()).orElse(0))
			.sum();
	}

}
