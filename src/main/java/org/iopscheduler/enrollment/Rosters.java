package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.ExpectedParticipants;
import org.iopscheduler.enrollment.internal.EnrollmentRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is expected at a session: for a block session, everyone whose enrollment covers the
 * date with that block in the plan on that date; for a make-up session, the participants
 * it names whose enrollment covers its date. The rule itself is
 * {@link Enrollment#expects}.
 */
@Component
@RequiredArgsConstructor
public class Rosters implements ExpectedParticipants {

	private final EnrollmentRepository enrollments;

	/**
	 * Participant ids per session id, for sessions of any programs (one query per call).
	 */
	@Override
	@Transactional(readOnly = true)
	public Map<Long, List<Long>> of(Collection<DatedSession> sessions) {
		Map<Long, List<Long>> rosters = new HashMap<>();
		if (sessions.isEmpty()) {
			return rosters;
		}
		LocalDate from = sessions.stream().map(DatedSession::getDate).min(Comparator.naturalOrder()).orElseThrow();
		LocalDate to = sessions.stream().map(DatedSession::getDate).max(Comparator.naturalOrder()).orElseThrow();
		List<Long> programIds = sessions.stream().map(DatedSession::getProgramId).distinct().toList();
		return of(sessions, enrollments.findInProgramsDuring(programIds, from, to));
	}

	/** The same from enrollments already loaded (with their plans). */
	public static Map<Long, List<Long>> of(Collection<DatedSession> sessions, List<Enrollment> enrolled) {
		Map<Long, List<Enrollment>> byProgram = enrolled.stream()
			.collect(Collectors.groupingBy(Enrollment::getProgramId));
		Map<Long, List<Long>> rosters = new HashMap<>();
		for (DatedSession session : sessions) {
			List<Long> roster = new ArrayList<>();
			for (Enrollment e : byProgram.getOrDefault(session.getProgramId(), List.of())) {
				if (e.expects(session)) {
					roster.add(e.getParticipantId());
				}
			}
			roster.sort(Comparator.naturalOrder());
			rosters.put(session.getId(), roster.stream().distinct().toList());
		}
		return rosters;
	}

	@Override
	public List<Long> of(DatedSession session) {
		return of(List.of(session)).getOrDefault(session.getId(), List.of());
	}

	/**
	 * Whether the participant is on the session's roster, reading only that participant's
	 * enrollments: marking one person must not load the whole program's plans.
	 */
	@Transactional(readOnly = true)
	public boolean includes(DatedSession session, long participantId) {
		return expected(session, participantId);
	}

	/**
	 * The same, under the row lock of the participant's enrollment covering the date, for
	 * the rest of the caller's transaction: a plan change or discharge racing with the
	 * mark waits, then sees it.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean holdIncludes(DatedSession session, long participantId) {
		enrollments.lockCovering(participantId, session.getProgramId(), session.getDate());
		return expected(session, participantId);
	}

	private boolean expected(DatedSession session, long participantId) {
		if (session.isMakeUp() && !session.getMakeUpParticipants().contains(participantId)) {
			return false;
		}
		return enrollments.findOfParticipantDuring(participantId, session.getDate(), session.getDate())
			.stream()
			.anyMatch(e -> e.expects(session));
	}

}
