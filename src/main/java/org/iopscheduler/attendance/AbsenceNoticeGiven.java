package org.iopscheduler.attendance;

/**
 * A participant sent notice that they will miss a session, published inside the
 * transaction that stored it (the notification planner tells the counselor).
 * {@code minutesMissed}: the minutes of that session the participant was expected at,
 * which their week will miss.
 */
public record AbsenceNoticeGiven(long sessionId, long participantId, long programId, long counselorId,
		int minutesMissed) {
}
