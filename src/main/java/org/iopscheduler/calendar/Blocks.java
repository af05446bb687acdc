package org.iopscheduler.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.internal.DatedSessionRepository;
import org.iopscheduler.people.People;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds, changes and ends a program's weekly blocks. */
@Service
@RequiredArgsConstructor
public class Blocks {

	private final WeeklyBlockRepository blocks;

	private final DatedSessionRepository sessions;

	private final MarkedSessions markedSessions;

	private final Programs programs;

	private final People people;

	private final CalendarVersions calendarVersions;

	private final CounselorAvailability availability;

	private final ClinicCalendar calendar;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	@Transactional
	public WeeklyBlock create(long programId, BlockDefinition definition) {
		Program program = programs.get(programId);
		WeeklySlot slot = new WeeklySlot(definition.dayOfWeek(), definition.startTime(), definition.durationMinutes());
		Location location = Location.of(definition.location(), definition.locationKind());
		definition.type().capacity(definition.capacity());
		LocalDate from = definition.startsOn();
		holdCounselor(definition.counselorId());
		refuseDoubleBooking(definition.counselorId(), null, program.zone(), slot, firstDayOf(from, program), null);
		WeeklyBlock created = blocks.saveAndFlush(WeeklyBlock.create(programId, definition.type(), definition.title(),
				definition.capacity(), slot, definition.counselorId(), location, from, clock.instant()));
		calendarVersions.changed(programId);
		return created;
	}

	@Transactional(readOnly = true)
	public List<WeeklyBlock> ofProgram(long programId) {
		programs.get(programId);
		return blocks.findByProgramWithVersions(programId);
	}

	/**
	 * The hours the program's blocks fill in the week of {@code date}
	 * ({@link SessionHours}); a week in which none meets (before the program starts,
	 * after it ends) has the hours of all its blocks ever.
	 */
	@Transactional(readOnly = true)
	public SessionHours hoursAround(long programId, LocalDate date) {
		List<WeeklyBlock> ofProgram = ofProgram(programId);
		LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<WeeklySlot> thatWeek = monday.datesUntil(monday.plusDays(7))
			.flatMap(day -> ofProgram.stream()
				.flatMap(block -> block.versionOn(day).stream())
				.map(BlockVersion::slot)
				.filter(slot -> slot.day() == day.getDayOfWeek()))
			.toList();
		List<WeeklySlot> slots = !thatWeek.isEmpty() ? thatWeek
				: ofProgram.stream().flatMap(block -> block.sorted().stream()).map(BlockVersion::slot).toList();
		return SessionHours
			.of(slots.stream().map(slot -> new SessionHours.Span(slot.start(), slot.durationMinutes())).toList());
	}

	/** The blocks found with their versions; unknown ids are left out. */
	public List<WeeklyBlock> withVersions(Collection<Long> blockIds) {
		return blocks.findWithVersions(blockIds);
	}

	/** The blocks found, without their versions; unknown ids are left out. */
	public List<WeeklyBlock> byIds(Collection<Long> blockIds) {
		return blocks.findAllById(blockIds);
	}

	/**
	 * The blocks under their row locks, for the rest of the caller's transaction: who
	 * takes places in them (enrollment) queues here.
	 */
	public List<WeeklyBlock> lockAll(Collection<Long> blockIds) {
		return blocks.lockAll(blockIds);
	}

	@Transactional(readOnly = true)
	public WeeklyBlock get(long blockId) {
		return blocks.findWithVersions(blockId).orElseThrow(() -> new NotFound("no block with id " + blockId));
	}

	/**
	 * The change applies from {@code effectiveFrom} (default: today in the program's
	 * zone). Sessions before it never change; sessions already made from it on follow the
	 * new definition, unless somebody's attendance is recorded on one, in which case the
	 * change is refused.
	 */
	@Transactional
	public BlockChanged change(long blockId, BlockChange change) {
		return change(blockId, change, unchecked -> {
		});
	}

	/**
	 * As above, after {@code precondition} (the caller's If-Match) accepted the block as
	 * it is under its row lock.
	 */
	@Transactional
	public BlockChanged change(long blockId, BlockChange change, Consumer<WeeklyBlock> precondition) {
		WeeklyBlock block = hold(blockId);
		precondition.accept(block);
		Program program = programs.get(block.getProgramId());
		LocalDate from = change.effectiveFrom() != null ? change.effectiveFrom() : calendar.today(program);
		BlockVersion current = block.versionOn(from)
			.orElseThrow(() -> new RuleViolation(WeeklyBlock.notRunning(blockId, from)));
		WeeklySlot slot = new WeeklySlot(change.dayOfWeek() != null ? change.dayOfWeek() : current.getDayOfWeek(),
				change.startTime() != null ? change.startTime() : current.getStartTime(),
				change.durationMinutes() != null ? change.durationMinutes() : current.getDurationMinutes());
		long counselorId = change.counselorId() != null ? change.counselorId() : current.getCounselorId();
		Location location = change.location() != null ? Location.of(change.location(), change.locationKind())
				: current.place();
		holdCounselor(counselorId);
		// checked to the block's end, not the current version's: safe whichever later
		// versions the change keeps
		refuseDoubleBooking(counselorId, blockId, program.zone(), slot, from, block.endsOn());

		// the change defines the block from its date on: every session made from then on
		// follows it
		List<DatedSession> affected = sessions.lockByBlockFrom(blockId, from)
			.stream()
			.sorted(Comparator.comparing(DatedSession::getDate))
			.toList();
		refuseIfHistory(affected, "change");
		WeeklyBlock.Changed changed = block.changeFrom(from, slot, counselorId, location);
		BlockVersion version = changed.version();
		if (change.title() != null) {
			block.retitle(change.title());
		}
		if (change.capacity() != null) {
			block.changeCapacity(change.capacity());
		}
		List<SessionChanged> moves = new ArrayList<>();
		for (DatedSession session : affected) {
			// a session keeps its ISO week when its day moves
			LocalDate moved = session.getDate().with(ChronoField.DAY_OF_WEEK, slot.day().getValue());
			if (session.getClosureId() == null && !moved.isBefore(from) && version.appliesOn(moved)) {
				LocalDate wasOn = session.getDate();
				LocalTime wasAt = session.getStartTime();
				String wasIn = session.getLocationKind() + " " + session.getLocation();
				session.follow(moved, version, block.getTitle());
				if (!session.isCancelled() && (!wasOn.equals(session.getDate()) || !wasAt.equals(session.getStartTime())
						|| !wasIn.equals(session.getLocationKind() + " " + session.getLocation()))) {
					moves.add(new SessionChanged(session, SessionChanged.Kind.MOVED, wasOn, wasAt));
				}
			}
			else {
				if (!session.isCancelled()) {
					// its participants hear of it while it is still there to name
					events.publishEvent(SessionChanged.of(session, SessionChanged.Kind.CANCELLED));
				}
				sessions.delete(session);
			}
		}
		WeeklyBlock saved = blocks.saveAndFlush(block);
		calendarVersions.changed(block.getProgramId());
		// a moved session may leave for another day of its week: the whole weeks count
		// again
		events.publishEvent(DoseInputsChanged.program(block.getProgramId(), from, null));
		moves.forEach(events::publishEvent);
		return new BlockChanged(saved, changed.replaced());
	}

	/** A changed block and the scheduled changes the change replaced. */
	public record BlockChanged(WeeklyBlock block, List<ScheduledChange> replaced) {
	}

	/**
	 * The block meets for the last time before {@code from}; sessions made from that day
	 * on go.
	 */
	@Transactional
	public WeeklyBlock end(long blockId, LocalDate from) {
		return end(blockId, from, unchecked -> {
		});
	}

	/** As above, after {@code precondition} accepted the block under its row lock. */
	@Transactional
	public WeeklyBlock end(long blockId, LocalDate from, Consumer<WeeklyBlock> precondition) {
		WeeklyBlock block = hold(blockId);
		precondition.accept(block);
		List<DatedSession> affected = sessions.lockByBlockFrom(blockId, from)
			.stream()
			.sorted(Comparator.comparing(DatedSession::getDate))
			.toList();
		refuseIfHistory(affected, "end");
		block.endFrom(from);
		// their participants hear of it while the sessions are still there to name
		affected.stream()
			.filter(s -> !s.isCancelled())
			.forEach(s -> events.publishEvent(SessionChanged.of(s, SessionChanged.Kind.CANCELLED)));
		sessions.deleteAll(affected);
		WeeklyBlock ended = blocks.saveAndFlush(block);
		calendarVersions.changed(block.getProgramId());
		events.publishEvent(DoseInputsChanged.program(block.getProgramId(), from, null));
		return ended;
	}

	/**
	 * The block under its row lock, its versions read after the lock: two changes of one
	 * block queue, and the second sees the first (and its If-Match fails on it).
	 */
	private WeeklyBlock hold(long blockId) {
		blocks.lockAll(List.of(blockId));
		return get(blockId);
	}

	/**
	 * Queues concurrent bookings of one counselor, on every instance, behind the
	 * account's row lock.
	 */
	private void holdCounselor(long counselorId) {
		people.counselor(counselorId);
		people.lock(counselorId);
	}

	/**
	 * The slot over [from, to) may not meet any other commitment of the counselor at the
	 * same moment (their other blocks on every date, their make-ups); the block's own
	 * versions are what it replaces.
	 */
	private void refuseDoubleBooking(long counselorId, Long exceptBlockId, ZoneId zone, WeeklySlot slot, LocalDate from,
			LocalDate to) {
		availability.requireFreeWeekly(counselorId, zone, slot, from, to, exceptBlockId);
	}

	private void refuseIfHistory(List<DatedSession> affected, String what) {
		if (affected.isEmpty()) {
			return;
		}
		List<Long> ids = affected.stream().map(DatedSession::getId).toList();
		Set<Long> marked = markedSessions.withAttendance(ids);
		DatedSession first = affected.stream().filter(s -> marked.contains(s.getId())).findFirst().orElse(null);
		if (first != null) {
			throw new RuleViolation(Refusal.of("block.change-before-attendance", "effectiveFrom",
					"attendance is already recorded for the session on " + first.getDate() + "; a " + what
							+ " may only take effect after it",
					"sessionId", first.getId(), "sessionDate", first.getDate()));
		}
		if (sessions.existsByMakeUpForSessionIdIn(ids)) {
			throw new RuleViolation(Refusal.of("block.change-before-make-up", "effectiveFrom",
					"a make-up session refers to a session on or after that date; a " + what
							+ " may only take effect after it"));
		}
	}

	/**
	 * A block created with no start date runs from today on, as far as booking is
	 * concerned.
	 */
	private LocalDate firstDayOf(LocalDate from, Program program) {
		return from != null ? from : calendar.today(program);
	}

}
