package org.iopscheduler.attendance.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.iopscheduler.attendance.AbsenceNotice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AbsenceNoticeRepository extends JpaRepository<AbsenceNotice, Long> {

	Optional<AbsenceNotice> findBySessionIdAndParticipantId(long sessionId, long participantId);

	List<AbsenceNotice> findBySessionId(long sessionId);

	@Query("select n.sessionId from AbsenceNotice n where n.participantId = :participantId and n.sessionId in :sessionIds")
	List<Long> findNoticedSessions(long participantId, Collection<Long> sessionIds);

	/**
	 * Notices on sessions between the dates with no make-up arranged yet for that session
	 * and participant (a scheduled make-up naming them), newest session first.
	 */
	@Query("""
			select n from AbsenceNotice n, org.iopscheduler.calendar.DatedSession s
			where s.id = n.sessionId and s.date between :from and :to
			  and not exists (select m.id from org.iopscheduler.calendar.DatedSession m join m.makeUpParticipants p
			    where m.makeUpForSessionId = n.sessionId and p = n.participantId
			      and m.status = org.iopscheduler.calendar.SessionStatus.SCHEDULED)
			order by s.date desc, s.startTime desc, n.id""")
	List<AbsenceNotice> findWithoutMakeUp(LocalDate from, LocalDate to);

	@Query("""
			select n from AbsenceNotice n, org.iopscheduler.calendar.DatedSession s
			where s.id = n.sessionId and s.programId = :programId and s.date between :from and :to
			  and not exists (select m.id from org.iopscheduler.calendar.DatedSession m join m.makeUpParticipants p
			    where m.makeUpForSessionId = n.sessionId and p = n.participantId
			      and m.status = org.iopscheduler.calendar.SessionStatus.SCHEDULED)
			order by s.date desc, s.startTime desc, n.id""")
	List<AbsenceNotice> findWithoutMakeUpInProgram(long programId, LocalDate from, LocalDate to);

}
