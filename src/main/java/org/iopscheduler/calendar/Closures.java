package org.iopscheduler.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.internal.DatedSessionRepository;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.Conflict;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Closes a program for a day (every session cancelled in one step) and undoes it. */
@Service
@RequiredArgsConstructor
public class Closures {

	private final ClosureRepository closures;

	private final DatedSessionRepository sessions;

	private final SessionMaker maker;

	private final MarkedSessions markedSessions;

	private final Programs programs;

	private final CalendarVersions calendarVersions;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	public record Closed(Closure closure, List<Long> cancelledSessionIds) {
	}

	@Transactional
	public Closed close(long programId, LocalDate date, String reason, long closedBy) {
		programs.get(programId);
		maker.ensure(programId, date, date);
		if (closures.existsByProgramIdAndDate(programId, date)) {
			throw new Conflict(Refusal.of("closure.already-closed", "date",
					"program " + programId + " is already closed on " + date, "programId", programId, "date", date));
		}
		// the day's sessions under their row locks: attendance marked meanwhile is seen
		// below
		sessions.lockOnDay(programId, date);
		List<DatedSession> open = sessions.findInProgram(programId, date, date)
			.stream()
			.filter(s -> !s.isCancelled())
			.toList();
		Set<Long> marked = markedSessions.withAttendance(open.stream().map(DatedSession::getId).toList());
		if (!marked.isEmpty()) {
			throw new RuleViolation(Refusal.of("closure.day-took-place", "date",
					"attendance is already recorded for "
							+ (marked.size() == 1 ? "1 session" : marked.size() + " sessions") + " on " + date
							+ "; a day that took place cannot be closed",
					"date", date, "sessionsWithAttendance", marked.size()));
		}
		Closure closure = closures.saveAndFlush(new Closure(programId, date, reason, closedBy, clock.instant()));
		open.forEach(s -> s.closeFor(closure.getId(), closure.sessionReason()));
		sessions.saveAllAndFlush(open);
		calendarVersions.changed(programId);
		events.publishEvent(DoseInputsChanged.program(programId, date, date));
		open.forEach(s -> events.publishEvent(SessionChanged.of(s, SessionChanged.Kind.CANCELLED)));
		return new Closed(closure, open.stream().map(DatedSession::getId).toList());
	}

	/**
	 * Reopens the sessions the closure cancelled; sessions cancelled on their own stay
	 * cancelled.
	 */
	@Transactional
	public List<Long> reopen(long programId, long closureId) {
		Closure closure = closures.findById(closureId)
			.filter(c -> c.getProgramId() == programId)
			.orElseThrow(() -> new NotFound("program " + programId + " has no closure with id " + closureId));
		List<DatedSession> closed = sessions.findByClosureId(closureId);
		closed.forEach(DatedSession::reopenAfterClosure);
		sessions.saveAllAndFlush(closed);
		closures.delete(closure);
		calendarVersions.changed(programId);
		events.publishEvent(DoseInputsChanged.program(programId, closure.getDate(), closure.getDate()));
		closed.stream()
			.filter(s -> !s.isCancelled())
			.forEach(s -> events.publishEvent(SessionChanged.of(s, SessionChanged.Kind.REINSTATED)));
		return closed.stream().map(DatedSession::getId).toList();
	}

	@Transactional(readOnly = true)
	public List<Closure> ofProgram(long programId) {
		programs.get(programId);
		return closures.findByProgramIdOrderByDate(programId);
	}

	@Transactional(readOnly = true)
	public boolean isClosed(long programId, LocalDate date) {
		return closures.existsByProgramIdAndDate(programId, date);
	}

	/** The program's closures from one day to another, both included. */
	@Transactional(readOnly = true)
	public List<Closure> between(long programId, LocalDate from, LocalDate to) {
		return closures.findByProgramIdAndDateBetween(programId, from, to);
	}

}
