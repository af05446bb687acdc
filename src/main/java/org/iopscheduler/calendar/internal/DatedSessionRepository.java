package org.iopscheduler.calendar.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.SessionStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DatedSessionRepository extends JpaRepository<DatedSession, Long> {

	@Query("""
			select distinct s from DatedSession s left join fetch s.makeUpParticipants
			where s.programId = :programId and s.date between :from and :to
			order by s.date, s.startTime, s.id""")
	List<DatedSession> findInProgram(long programId, LocalDate from, LocalDate to);

	List<DatedSession> findByClosureId(long closureId);

	@Query("select s from DatedSession s where s.counselorId = :counselorId and s.date between :from and :to order by s.date, s.startTime")
	List<DatedSession> findByCounselor(long counselorId, LocalDate from, LocalDate to);

	boolean existsByMakeUpForSessionIdIn(Collection<Long> sessionIds);

	/**
	 * A counselor's one-off sessions (make-ups) not cancelled, from a date on, with their
	 * program's zone.
	 */
	@Query("""
			select s, p.timeZone from DatedSession s, org.iopscheduler.program.Program p
			where p.id = s.programId and s.counselorId = :counselorId and s.blockId is null
			and s.status <> org.iopscheduler.calendar.SessionStatus.CANCELLED and s.date >= :from""")
	List<Object[]> findOneOffsOfCounselorFrom(long counselorId, LocalDate from);

	/*
	 * Row locks on sessions. Marking attendance takes the session's lock; cancelling,
	 * closing the day, moving or ending the block take the same locks before they look
	 * for attendance. So "no attendance on a cancelled session" holds when the two race,
	 * on one instance or several. Several rows are always locked in id order, so two
	 * requests never wait on each other.
	 */

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from DatedSession s where s.id = :id")
	Optional<DatedSession> lockById(long id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from DatedSession s where s.programId = :programId and s.date = :date order by s.id")
	List<DatedSession> lockOnDay(long programId, LocalDate date);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from DatedSession s where s.blockId = :blockId and s.date >= :from order by s.id")
	List<DatedSession> lockByBlockFrom(long blockId, LocalDate from);

	@Query("select s from DatedSession s left join fetch s.makeUpParticipants where s.id = :id")
	Optional<DatedSession> findWithParticipants(long id);

}
