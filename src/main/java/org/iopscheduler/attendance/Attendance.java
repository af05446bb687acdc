package org.iopscheduler.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.Forbidden;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.RuleViolation;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Marks attendance and keeps every change. */
@Service
public class Attendance {

	private static final int ATTEMPTS = 3;

	private final AttendanceMarkRepository marks;

	private final AttendanceChangeRepository changes;

	private final Sessions sessions;

	private final Programs programs;

	private final Rosters rosters;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Attendance(AttendanceMarkRepository marks, AttendanceChangeRepository changes, Sessions sessions,
			Programs programs, Rosters rosters, PlatformTransactionManager transactions, Clock clock) {
		this.marks = marks;
		this.changes = changes;
		this.sessions = sessions;
		this.programs = programs;
		this.rosters = rosters;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	public record Marked(AttendanceMark mark, boolean changed) {
	}

	/**
	 * Sets a participant's attendance at a session. The same value again changes nothing; a new
	 * value replaces the old one and the change is kept. Everything is checked under the session's
	 * row lock, which cancelling, closing and moving the session take too: a mark never lands on a
	 * session cancelled at the same moment, on this instance or another. Two people marking the same
	 * participant queue on that lock: both writes land, in order, and both are in the history.
	 */
	public Marked mark(long sessionId, long participantId, AttendanceStatus status, Integer minutesAttended,
			String note, SignedIn by) {
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		for (int attempt = 1;; attempt++) {
			try {
				return transaction
					.execute(tx -> write(sessionId, participantId, status, minutesAttended, cleanNote, by));
			}
			catch (DataIntegrityViolationException firstMarkRaced) {
				// another request inserted the first mark in the meantime: now it is an update
				if (attempt == ATTEMPTS) {
					throw firstMarkRaced;
				}
			}
		}
	}

	private Marked write(long sessionId, long participantId, AttendanceStatus status, Integer minutesAttended,
			String note, SignedIn by) {
		DatedSession session = sessions.hold(sessionId);
		if (by.role() == Role.COUNSELOR && !session.getCounselorId().equals(by.id())) {
			throw new Forbidden("only the session's counselor or a coordinator may mark attendance for session "
					+ sessionId);
		}
		int minutes = status.minutesCounted(session.getDurationMinutes(), minutesAttended);
		if (session.isCancelled()) {
			throw new RuleViolation("session " + sessionId + " was cancelled (" + session.getCancelReason()
					+ "); attendance cannot be marked");
		}
		ZoneId zone = programs.get(session.getProgramId()).zone();
		Instant now = clock.instant();
		if (!session.hasStartedAt(now, zone)) {
			throw new RuleViolation("session " + sessionId + " starts at " + session.startsAt(zone)
					+ "; attendance can be marked once it has started");
		}
		if (!rosters.holdIncludes(session, participantId)) {
			throw new NotFound("participant " + participantId + " is not on the roster of session " + sessionId);
		}
		AttendanceMark current = marks.lockFor(sessionId, participantId).orElse(null);
		if (current == null) {
			AttendanceMark mark = marks.saveAndFlush(
					new AttendanceMark(sessionId, participantId, status, minutes, note, by.id(), now));
			changes.save(mark.firstChange());
			return new Marked(mark, true);
		}
		if (current.sameAs(status, minutes, note)) {
			return new Marked(current, false);
		}
		changes.save(current.change(status, minutes, note, by.id(), now));
		return new Marked(current, true);
	}

	public List<AttendanceMark> ofSession(long sessionId) {
		sessions.get(sessionId);
		return marks.findBySessionIdOrderByParticipantId(sessionId);
	}

	public List<AttendanceChange> historyOfSession(long sessionId) {
		sessions.get(sessionId);
		return changes.findBySessionIdOrderByChangedAtAscIdAsc(sessionId);
	}

	public List<AttendanceChange> historyOfParticipant(long participantId) {
		return changes.findByParticipantIdOrderByChangedAtAscIdAsc(participantId);
	}

}
