package org.iopscheduler.attendance.internal;

import java.util.List;

import org.iopscheduler.attendance.AttendanceChange;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttendanceChangeRepository extends JpaRepository<AttendanceChange, Long> {

	List<AttendanceChange> findBySessionIdOrderByChangedAtAscIdAsc(long sessionId);

	List<AttendanceChange> findByParticipantIdOrderByChangedAtAscIdAsc(long participantId);

	long countBySessionId(long sessionId);

}
