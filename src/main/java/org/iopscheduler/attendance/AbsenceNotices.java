package org.iopscheduler.attendance;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iopscheduler.attendance.internal.AbsenceNoticeRepository;
import org.iopscheduler.audit.Access;
import org.iopscheduler.audit.Actor;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.AcceptedDates;
import org.iopscheduler.system.Forbidden;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * "I can't come": a participant's notice that they will miss a session, from a reminder's
 * link or signed in. The notice is a fact beside the marks, never a mark: the counselor
 * still marks the session. It tells the counselor (through {@link AbsenceNoticeGiven})
 * and puts the participant on the coordinator's make-up list until a make-up for that
 * session names them.
 */
@Service
public class AbsenceNotices {

	/** A make-up list spans at most this many days per request. */
	static final int MAX_LIST_DAYS = 400;

	private final AbsenceNoticeRepository notices;

	private final Sessions sessions;

	private final Programs programs;

	private final Rosters rosters;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final AuditLog auditLog;

	AbsenceNotices(AbsenceNoticeRepository notices, Sessions sessions, Programs programs, Rosters rosters, Clock clock,
			ApplicationEventPublisher events, AuditLog auditLog) {
		this.notices = notices;
		this.sessions = sessions;
		this.programs = programs;
		this.rosters = rosters;
		this.clock = clock;
		this.events = events;
		this.auditLog = auditLog;
	}

	/** What pressing "I can't come" came to. Only SENT recorded anything. */
	public enum Outcome {

		/** The notice is stored now. */
		SENT,
		/** A notice for this session and participant was already there: nothing new. */
		ALREADY_SENT,
		/** The session is cancelled: there is nothing to miss. */
		CANCELLED,
		/** The session has started: too late for notice, the counselor marks it. */
		TOO_LATE,
		/** The participant is not (or no longer) expected at the session. */
		NOT_EXPECTED

	}

	/** The outcome, with the notice when there is one (SENT, ALREADY_SENT). */
	public record Given(Outcome outcome, AbsenceNotice notice) {
	}

	/**
	 * The rule, in the caller's transaction, under the session's row lock (cancelling and
	 * marking take it too) and the participant's enrollment lock: notice is taken only
	 * for a session the participant is expected at, once, while it is still to come and
	 * not cancelled.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Given give(long sessionId, long participantId, AbsenceNotice.Via via, Long recordedBy) {
		DatedSession session = sessions.hold(sessionId);
		if (!rosters.holdIncludes(session, participantId)) {
			return new Given(Outcome.NOT_EXPECTED, null);
		}
		AbsenceNotice existing = notices.findBySessionIdAndParticipantId(sessionId, participantId).orElse(null);
		if (existing != null) {
			return new Given(Outcome.ALREADY_SENT, existing);
		}
		if (session.isCancelled()) {
			return new Given(Outcome.CANCELLED, null);
		}
		Instant now = clock.instant();
		if (session.hasStartedAt(now, programs.zoneOf(session.getProgramId()))) {
			return new Given(Outcome.TOO_LATE, null);
		}
		AbsenceNotice notice = notices.saveAndFlush(new AbsenceNotice(sessionId, participantId, now, via, recordedBy));
		events.publishEvent(new AbsenceNoticeGiven(sessionId, participantId, session.getProgramId(),
				session.getCounselorId(), minutesMissed(session)));
		return new Given(Outcome.SENT, notice);
	}

	/**
	 * The minutes the participant's week will miss: the whole session, the minutes they
	 * were expected at (a session counts whole or not at all until it is marked).
	 */
	public static int minutesMissed(DatedSession session) {
		return session.getDurationMinutes();
	}

	/**
	 * A signed-in participant's notice for one of their sessions: 404 for a session they
	 * are not expected at, 422 for a cancelled or started one; the same again answers the
	 * notice already given.
	 */
	@Transactional
	public Given giveSignedIn(long sessionId, SignedIn me) {
		if (me.role() != Role.PARTICIPANT) {
			throw new Forbidden("only a participant sends notice that they cannot come, for their own sessions");
		}
		Given given = give(sessionId, me.id(), AbsenceNotice.Via.SIGNED_IN, me.id());
		return switch (given.outcome()) {
			case SENT, ALREADY_SENT -> given;
			case NOT_EXPECTED -> throw new NotFound("no session with id " + sessionId + " in your schedule");
			case CANCELLED -> throw new RuleViolation(Refusal.of("absence-notice.session-cancelled", null,
					"session " + sessionId + " was cancelled; there is nothing to send notice for", "sessionId",
					sessionId));
			case TOO_LATE -> throw new RuleViolation(Refusal.of("absence-notice.too-late", null,
					"session " + sessionId
							+ " has started; notice can be sent until a session starts, the counselor marks it now",
					"sessionId", sessionId));
		};
	}

	/**
	 * From a link: nobody is signed in, the link stands for the participant. The change's
	 * audit line names them as its actor, in this transaction; the target names the link
	 * by its id, never by its token.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Given giveByLink(CannotComeLink link) {
		Given given = give(link.getSessionId(), link.getParticipantId(), AbsenceNotice.Via.LINK, null);
		if (given.outcome() == Outcome.SENT) {
			auditLog.record(Access.by(new LinkHolder(link.getParticipantId()), AuditAction.GIVE_ABSENCE_NOTICE, "POST",
					"/cannot-come (link " + link.getId() + ")"), Set.of(link.getParticipantId()));
		}
		return given;
	}

	/** The participant a link was sent to, as the audit log names an actor. */
	private record LinkHolder(long id) implements Actor {

		@Override
		public String roleName() {
			return Role.PARTICIPANT.name();
		}

		@Override
		public boolean participant() {
			return true;
		}

	}

	/** The notices on one session, by participant: the counselor's sheet. */
	@Transactional(readOnly = true)
	public Map<Long, AbsenceNotice> ofSession(long sessionId) {
		Map<Long, AbsenceNotice> found = new HashMap<>();
		notices.findBySessionId(sessionId).forEach(n -> found.put(n.getParticipantId(), n));
		return found;
	}

	/** Which of these sessions the participant sent notice for: their own page. */
	@Transactional(readOnly = true)
	public Set<Long> noticedBy(long participantId, Collection<Long> sessionIds) {
		return sessionIds.isEmpty() ? Set.of() : new HashSet<>(notices.findNoticedSessions(participantId, sessionIds));
	}

	/** One line of the make-up list: the notice and the session it is for. */
	public record Open(AbsenceNotice notice, DatedSession session, int minutesMissed) {
	}

	/**
	 * The make-up list: notices on sessions between the dates (of one program, or of all
	 * when {@code programId} is null) that no scheduled make-up for that session names
	 * the participant in yet, newest session first.
	 */
	@Transactional(readOnly = true)
	public List<Open> withoutMakeUp(Long programId, LocalDate from, LocalDate to) {
		AcceptedDates.check("from", from);
		AcceptedDates.check("to", to);
		if (from.isAfter(to)) {
			throw new InvalidInput("from: " + from + " is after to " + to);
		}
		if (from.plusDays(MAX_LIST_DAYS).isBefore(to)) {
			throw new InvalidInput("to: at most " + MAX_LIST_DAYS + " days per request");
		}
		if (programId != null) {
			programs.get(programId);
		}
		List<AbsenceNotice> found = programId == null ? notices.findWithoutMakeUp(from, to)
				: notices.findWithoutMakeUpInProgram(programId, from, to);
		Map<Long, DatedSession> bySession = new HashMap<>();
		return found.stream().map(n -> {
			DatedSession session = bySession.computeIfAbsent(n.getSessionId(), sessions::get);
			return new Open(n, session, minutesMissed(session));
		}).toList();
	}

}
