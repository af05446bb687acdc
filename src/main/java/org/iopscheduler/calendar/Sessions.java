package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.hibernate.Hibernate;

import org.iopscheduler.calendar.internal.DatedSessionRepository;
import org.iopscheduler.program.Program;
import org.iopscheduler.system.Conflict;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads a program's dated sessions and cancels one. */
@Service
@RequiredArgsConstructor
public class Sessions {

	private final DatedSessionRepository sessions;

	private final SessionMaker maker;

	private final MarkedSessions markedSessions;

	private final ClosureRepository closures;

	private final ApplicationEventPublisher events;

	/** The week's sessions in the program's zone, made on first look. */
	public List<DatedSession> week(Program program, IsoWeek week) {
		maker.ensure(program.getId(), week.monday(), week.sunday());
		return sessions.findInProgram(program.getId(), week.monday(), week.sunday());
	}

	/** The program's sessions made so far from one date to another, both included. */
	public List<DatedSession> inProgram(long programId, LocalDate from, LocalDate to) {
		return sessions.findInProgram(programId, from, to);
	}

	/**
	 * Adds a make-up session (enrollment decides who it is for and checks its rules), in
	 * the caller's transaction.
	 */
	public DatedSession addMakeUp(DatedSession makeUp) {
		DatedSession added = sessions.saveAndFlush(makeUp);
		changed(added);
		return added;
	}

	@Transactional(readOnly = true)
	public DatedSession get(long sessionId) {
		return sessions.findWithParticipants(sessionId)
			.orElseThrow(() -> new NotFound("no session with id " + sessionId));
	}

	/**
	 * The session under its row lock, for the rest of the caller's transaction: whoever
	 * marks attendance, cancels or moves it waits here, so each sees what the other did.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public DatedSession hold(long sessionId) {
		return sessions.lockById(sessionId).orElseThrow(() -> new NotFound("no session with id " + sessionId));
	}

	/** A session that somebody attended took place: it cannot be cancelled afterwards. */
	@Transactional
	public DatedSession cancel(long sessionId, String reason) {
		DatedSession session = hold(sessionId);
		if (!markedSessions.withAttendance(List.of(sessionId)).isEmpty()) {
			throw new RuleViolation(Refusal.of("session.took-place", null,
					"session " + sessionId + " on " + session.getDate()
							+ " has attendance recorded; it took place and cannot be cancelled",
					"sessionId", sessionId, "date", session.getDate()));
		}
		session.cancel(reason);
		// a make-up's participants are its roster, which the answer shows after the
		// transaction
		Hibernate.initialize(session.getMakeUpParticipants());
		DatedSession cancelled = sessions.saveAndFlush(session);
		changed(cancelled);
		events.publishEvent(SessionChanged.of(cancelled, SessionChanged.Kind.CANCELLED));
		return cancelled;
	}

	/**
	 * A cancelled session meets again; its roster follows the plans as if it had never
	 * been cancelled (a make-up keeps its named participants). Refused while its day is
	 * closed: the lock is taken first, so a closure committed meanwhile is seen here, and
	 * a closure still running waits for it and then cancels it again.
	 */
	@Transactional
	public DatedSession reinstate(long sessionId) {
		DatedSession session = hold(sessionId);
		if (session.getClosureId() != null
				|| closures.existsByProgramIdAndDate(session.getProgramId(), session.getDate())) {
			throw new Conflict(Refusal.of(
					"session.day-closed", null, "the program is closed on " + session.getDate()
							+ "; undo the closure to schedule session " + sessionId + " again",
					"sessionId", sessionId, "date", session.getDate()));
		}
		session.reinstate();
		Hibernate.initialize(session.getMakeUpParticipants());
		DatedSession reinstated = sessions.saveAndFlush(session);
		changed(reinstated);
		events.publishEvent(SessionChanged.of(reinstated, SessionChanged.Kind.REINSTATED));
		return reinstated;
	}

	/** The session's day counts again for everybody expected at it. */
	private void changed(DatedSession session) {
		events.publishEvent(DoseInputsChanged.program(session.getProgramId(), session.getDate(), session.getDate()));
	}

}
