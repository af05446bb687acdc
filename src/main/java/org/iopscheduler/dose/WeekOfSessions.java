package org.iopscheduler.dose;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.iopscheduler.attendance.AttendanceMark;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.enrollment.Enrollment;

/**
 * Sessions and marks already loaded for a span of weeks, from which any enrolled
 * participant's weekly dose is computed in memory: reports cost the same few queries for
 * 10 or 1,000 people.
 */
final class WeekOfSessions {

	private final Map<IsoWeek, List<DatedSession>> sessionsByWeek = new HashMap<>();

	private final Map<Long, Map<Long, AttendanceMark>> marksBySession = new HashMap<>();

	WeekOfSessions(List<DatedSession> sessions, List<AttendanceMark> marks) {
		for (DatedSession session : sessions) {
			sessionsByWeek.computeIfAbsent(IsoWeek.of(session.getDate()), w -> new ArrayList<>()).add(session);
		}
		for (AttendanceMark mark : marks) {
			marksBySession.computeIfAbsent(mark.getSessionId(), s -> new HashMap<>())
				.put(mark.getParticipantId(), mark);
		}
	}

	/**
	 * The enrollment's sessions in the week: its plan's block sessions and make-ups
	 * naming the participant.
	 */
	List<DatedSession> sessionsOf(Enrollment enrollment, IsoWeek week) {
		List<DatedSession> mine = new ArrayList<>();
		for (DatedSession session : sessionsByWeek.getOrDefault(week, List.of())) {
			if (enrollment.expects(session)) {
				mine.add(session);
			}
		}
		return mine;
	}

	AttendanceMark markOf(DatedSession session, long participantId) {
		return marksBySession.getOrDefault(session.getId(), Map.of()).get(participantId);
	}

	WeeklyDose dose(Enrollment enrollment, IsoWeek week, ZoneId zone, int minimum, Instant now) {
		List<SessionFact> facts = new ArrayList<>();
		for (DatedSession session : sessionsOf(enrollment, week)) {
			AttendanceMark mark = markOf(session, enrollment.getParticipantId());
			facts.add(
					new SessionFact(session.getDate(), session.startsAt(zone).toInstant(), session.getDurationMinutes(),
							session.isCancelled(), mark == null ? null : mark.getMinutesAttended()));
		}
		return WeeklyDose.evaluate(week, zone, minimum, enrollment.getStartDate(), enrollment.lastDay(), facts, now);
	}

}
