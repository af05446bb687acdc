package org.iopscheduler.attendance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.attendance.internal.AttendanceMarkRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One participant's current marks over a span of days, by session: the attendance history
 * page.
 */
@Service
@RequiredArgsConstructor
public class ParticipantAttendance {

	private final AttendanceMarkRepository marks;

	@Transactional(readOnly = true)
	public Map<Long, AttendanceMark> bySession(long participantId, LocalDate from, LocalDate to) {
		Map<Long, AttendanceMark> found = new HashMap<>();
		marks.findOfParticipant(participantId, from, to).forEach(m -> found.put(m.getSessionId(), m));
		return found;
	}

}
