package org.iopscheduler.calendar;

import java.util.Collection;
import java.util.List;

/**
 * What a session's participants would have that week without it: asked before a
 * cancellation, answered by the dose module (which depends on the calendar, not the other
 * way round).
 */
public interface WeekWithout {

	/**
	 * One participant's week now and after the cancellation, in minutes.
	 *
	 * @param statusNow the dose status as it stands (a DoseStatus name)
	 * @param statusAfter the status the week would have without the session
	 */
	record Loss(long participantId, int minimumMinutes, int attendedMinutes, int plannedNow, int plannedAfter,
			String statusNow, String statusAfter) {

		public int lostMinutes() {
			return plannedNow - plannedAfter;
		}

		public boolean statusChanges() {
			return !statusNow.equals(statusAfter);
		}

	}

	/** Each of these participants' weeks, with and without the session. */
	List<Loss> of(DatedSession session, Collection<Long> participantIds);

}
