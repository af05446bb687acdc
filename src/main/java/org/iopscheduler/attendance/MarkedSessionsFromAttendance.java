package org.iopscheduler.attendance;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.HashSet;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.attendance.internal.AttendanceMarkRepository;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.MarkedSessions;
import org.springframework.stereotype.Component;

@Component
@RequiredArgsConstructor
class MarkedSessionsFromAttendance implements MarkedSessions {

	private final AttendanceMarkRepository marks;

	@Override
	public Set<Long> withAttendance(Collection<Long> sessionIds) {
		return sessionIds.isEmpty() ? Set.of() : new HashSet<>(marks.findMarkedSessionIds(sessionIds));
	}

	@Override
	public List<DatedSession> attendedBy(long participantId, long programId, LocalDate from) {
		return marks.findSessionsAttendedBy(participantId, programId, from);
	}

}
