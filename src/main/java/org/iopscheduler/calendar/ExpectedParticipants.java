package org.iopscheduler.calendar;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Who is expected at a session. The calendar's pages and API show it; enrollment answers
 * (enrollment/Rosters), since the plans that decide it are enrollment's and enrollment
 * builds on the calendar, not the other way round.
 */
public interface ExpectedParticipants {

	/** Participant ids, in order, per session id, for sessions of any programs. */
	Map<Long, List<Long>> of(Collection<DatedSession> sessions);

	List<Long> of(DatedSession session);

}
