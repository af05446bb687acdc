package org.iopscheduler.attendance;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AttendanceChangeRepository extends JpaRepository<AttendanceChange, Long> {

	List<AttendanceChange> findBySessionIdOrderByChangedAtAscIdAsc(long sessionId);

	List<AttendanceChange> findByParticipantIdOrderByChangedAtAscIdAsc(long participantId);

	long countBySessionId(long sessionId);

}
