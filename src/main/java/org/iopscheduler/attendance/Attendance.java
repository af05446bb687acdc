package org.iopscheduler.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.iopscheduler.attendance.internal.AttendanceChangeRepository;
import org.iopscheduler.attendance.internal.AttendanceMarkRepository;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.DoseInputsChanged;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.Forbidden;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.RaceLost;
import org.iopscheduler.system.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

	private final ApplicationEventPublisher events;

	Attendance(AttendanceMarkRepository marks, AttendanceChangeRepository changes, Sessions sessions, Programs programs,
			Rosters rosters, PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
		this.marks = marks;
		this.changes = changes;
		this.sessions = sessions;
		this.programs = programs;
		this.rosters = rosters;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.events = events;
	}

	public record Marked(AttendanceMark mark, boolean changed) {
	}

	/**
	 * Sets a participant's attendance at a session. The same value again changes nothing;
	 * a new value replaces the old one and the change is kept. Everything is checked
	 * under the session's row lock, which cancelling, closing and moving the session take
	 * too: a mark never lands on a session cancelled at the same moment, on this instance
	 * or another. Two people marking the same participant queue on that lock: both writes
	 * land, in order, and both are in the history.
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
				tryAgainAfter(firstMarkRaced, attempt);
			}
		}
	}

	private Marked write(long sessionId, long participantId, AttendanceStatus status, Integer minutesAttended,
			String note, SignedIn by) {
		DatedSession session = sessions.hold(sessionId);
		requireMayMark(session, by);
		int minutes = status.minutesCounted(session.getDurationMinutes(), minutesAttended);
		Instant now = clock.instant();
		requireOpen(session, now);
		if (!rosters.holdIncludes(session, participantId)) {
			throw notOnRoster(sessionId, participantId);
		}
		Marked marked = record(marks.lockFor(sessionId, participantId).orElse(null), sessionId, participantId, status,
				minutes, note, by, now);
		if (marked.changed()) {
			events.publishEvent(
					DoseInputsChanged.participants(session.getProgramId(), List.of(participantId), session.getDate()));
		}
		return marked;
	}

	/**
	 * One row of a counselor's sheet. The sheet does not edit notes: each mark keeps the
	 * note it has.
	 */
	public record SheetRow(long participantId, AttendanceStatus status, Integer minutesAttended) {
	}

	/**
	 * A row the sheet cannot save and why; {@code minutes}: its minutes are what is
	 * wrong.
	 */
	public record RowRefused(long participantId, boolean minutes, String reason) {
	}

	/**
	 * A sheet saved whole ({@code changed}: whose marks changed) or not at all
	 * ({@code refused}).
	 */
	public record Sheet(List<Long> changed, List<RowRefused> refused) {

		public boolean saved() {
			return refused.isEmpty();
		}

	}

	/**
	 * Saves a whole sheet in one transaction, or nothing of it: every row is checked
	 * under the session's row lock (taken once) before the first is written, and each
	 * refused row is answered with its reason. {@code inTransaction} gets the
	 * participants whose marks changed and runs in the same transaction (the audit line):
	 * if it fails nothing is saved. A first-mark race retries the whole sheet; the
	 * rolled-back attempt leaves no history behind.
	 */
	public Sheet markSheet(long sessionId, List<SheetRow> rows, SignedIn by, Consumer<List<Long>> inTransaction) {
		for (int attempt = 1;; attempt++) {
			try {
				return transaction.execute(tx -> {
					Sheet sheet = writeSheet(sessionId, rows, by);
					if (sheet.saved()) {
						inTransaction.accept(sheet.changed());
					}
					else {
						tx.setRollbackOnly();
					}
					return sheet;
				});
			}
			catch (DataIntegrityViolationException firstMarkRaced) {
				tryAgainAfter(firstMarkRaced, attempt);
			}
		}
	}

	private Sheet writeSheet(long sessionId, List<SheetRow> rows, SignedIn by) {
		DatedSession session = sessions.hold(sessionId);
		requireMayMark(session, by);
		Instant now = clock.instant();
		requireOpen(session, now);
		List<RowRefused> refused = new ArrayList<>();
		Map<Long, Integer> minutes = new HashMap<>();
		for (SheetRow row : rows) {
			try {
				minutes.put(row.participantId(),
						row.status().minutesCounted(session.getDurationMinutes(), row.minutesAttended()));
			}
			catch (InvalidInput invalid) {
				refused.add(new RowRefused(row.participantId(), true, invalid.getMessage()));
				continue;
			}
			if (!rosters.holdIncludes(session, row.participantId())) {
				refused.add(new RowRefused(row.participantId(), false,
						notOnRoster(sessionId, row.participantId()).getMessage()));
			}
		}
		if (!refused.isEmpty()) {
			return new Sheet(List.of(), refused);
		}
		List<Long> changed = new ArrayList<>();
		for (SheetRow row : rows) {
			AttendanceMark current = marks.lockFor(sessionId, row.participantId()).orElse(null);
			String note = current != null ? current.getNote() : null;
			if (record(current, sessionId, row.participantId(), row.status(), minutes.get(row.participantId()), note,
					by, now)
				.changed()) {
				changed.add(row.participantId());
			}
		}
		if (!changed.isEmpty()) {
			events.publishEvent(DoseInputsChanged.participants(session.getProgramId(), changed, session.getDate()));
		}
		return new Sheet(changed, List.of());
	}

	private static void requireMayMark(DatedSession session, SignedIn by) {
		if (by.role() == Role.COUNSELOR && !session.getCounselorId().equals(by.id())) {
			throw new Forbidden(
					"only the session's counselor or a coordinator may mark attendance for session " + session.getId());
		}
	}

	private void requireOpen(DatedSession session, Instant now) {
		if (session.isCancelled()) {
			throw new RuleViolation(Refusal.of(
					"attendance.session-cancelled", null, "session " + session.getId() + " was cancelled ("
							+ session.getCancelReason() + "); attendance cannot be marked",
					"sessionId", session.getId()));
		}
		ZoneId zone = programs.zoneOf(session.getProgramId());
		if (!session.hasStartedAt(now, zone)) {
			throw new RuleViolation(Refusal.of("attendance.not-started", null,
					"session " + session.getId() + " starts at " + session.startsAt(zone)
							+ "; attendance can be marked once it has started",
					"sessionId", session.getId(), "startsAt", session.startsAt(zone).toOffsetDateTime()));
		}
	}

	private static NotFound notOnRoster(long sessionId, long participantId) {
		return new NotFound("participant " + participantId + " is not on the roster of session " + sessionId);
	}

	/** Writes the mark and its history row, unless it is the same as the current one. */
	private Marked record(AttendanceMark current, long sessionId, long participantId, AttendanceStatus status,
			int minutes, String note, SignedIn by, Instant now) {
		if (current == null) {
			AttendanceMark mark = marks
				.saveAndFlush(new AttendanceMark(sessionId, participantId, status, minutes, note, by.id(), now));
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

	/** The current marks on the program's sessions from one date to another. */
	public List<AttendanceMark> inProgram(long programId, LocalDate from, LocalDate to) {
		return marks.findInProgram(programId, from, to);
	}

	public List<AttendanceChange> historyOfSession(long sessionId) {
		sessions.get(sessionId);
		return changes.findBySessionIdOrderByChangedAtAscIdAsc(sessionId);
	}

	public List<AttendanceChange> historyOfParticipant(long participantId) {
		return changes.findByParticipantIdOrderByChangedAtAscIdAsc(participantId);
	}

	/**
	 * Another request inserted the first mark in the meantime: now it is an update.
	 * Inside a request's transaction (an audited request) that transaction is spoilt, so
	 * the request's owner tries it again whole; alone, the caller's loop tries again, at
	 * most {@link #ATTEMPTS} times.
	 */
	private static void tryAgainAfter(DataIntegrityViolationException firstMarkRaced, int attempt) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new RaceLost("another request marked this participant at this session at the same moment",
					firstMarkRaced);
		}
		if (attempt == ATTEMPTS) {
			throw firstMarkRaced;
		}
	}

}
