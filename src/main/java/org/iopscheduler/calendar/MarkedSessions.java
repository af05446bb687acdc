package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which sessions already have attendance. The calendar asks before it moves, cancels or
 * removes a session: a session somebody attended is history and stays as it was.
 */
public interface MarkedSessions {

	Set<Long> withAttendance(Collection<Long> sessionIds);

	/**
	 * The program's sessions on or after the date on which the participant's attendance
	 * is recorded.
	 */
	List<DatedSession> attendedBy(long participantId, long programId, LocalDate from);

}
