package org.iopscheduler.attendance.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.iopscheduler.attendance.AttendanceMark;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AttendanceMarkRepository extends JpaRepository<AttendanceMark, Long> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from AttendanceMark m where m.sessionId = :sessionId and m.participantId = :participantId")
	Optional<AttendanceMark> lockFor(long sessionId, long participantId);

	List<AttendanceMark> findBySessionIdOrderByParticipantId(long sessionId);

	@Query("select distinct m.sessionId from AttendanceMark m where m.sessionId in :sessionIds")
	List<Long> findMarkedSessionIds(Collection<Long> sessionIds);

	@Query("""
			select distinct s from org.iopscheduler.calendar.DatedSession s left join fetch s.makeUpParticipants
			where s.programId = :programId and s.date >= :from and exists (
			  select m.id from AttendanceMark m where m.sessionId = s.id and m.participantId = :participantId)
			order by s.date""")
	List<org.iopscheduler.calendar.DatedSession> findSessionsAttendedBy(long participantId, long programId,
			LocalDate from);

	/** Every mark on the program's sessions between the dates. */
	@Query("""
			select m from AttendanceMark m, org.iopscheduler.calendar.DatedSession s
			where s.id = m.sessionId and s.programId = :programId and s.date between :from and :to""")
	List<AttendanceMark> findInProgram(long programId, LocalDate from, LocalDate to);

	@Query("""
			select m from AttendanceMark m, org.iopscheduler.calendar.DatedSession s
			where s.id = m.sessionId and s.programId in :programIds and s.date between :from and :to""")
	List<AttendanceMark> findInPrograms(Collection<Long> programIds, LocalDate from, LocalDate to);

	@Query("""
			select m from AttendanceMark m, org.iopscheduler.calendar.DatedSession s
			where s.id = m.sessionId and m.participantId = :participantId and s.date between :from and :to""")
	List<AttendanceMark> findOfParticipant(long participantId, LocalDate from, LocalDate to);

}
