package org.iopscheduler.calendar;

import java.util.Collection;
import java.util.Set;

/**
 * Which sessions already have attendance. The calendar asks before it moves, cancels or removes
 * a session: a session somebody attended is history and stays as it was.
 */
public interface MarkedSessions {

	Set<Long> withAttendance(Collection<Long> sessionIds);

}
