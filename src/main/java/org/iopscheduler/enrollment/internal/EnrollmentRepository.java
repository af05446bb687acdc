package org.iopscheduler.enrollment.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Holding;
import org.iopscheduler.enrollment.PlanEntry;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface EnrollmentRepository extends JpaRepository<Enrollment, Long> {

	/**
	 * An enrollment's last day in JPQL, the earlier of end and discharge
	 * ({@link Enrollment#lastDay}).
	 */
	String LAST_DAY_OR = "coalesce(case when e.dischargeDate is not null and (e.endDate is null or e.dischargeDate < e.endDate)"
			+ " then e.dischargeDate else e.endDate end, ";

	/** The last day, or {@code :to} for an enrollment with no end yet. */
	String LAST_DAY = LAST_DAY_OR + ":to)";

	/** The last day, or {@code :date} for an enrollment with no end yet. */
	String LAST_DAY_ON = LAST_DAY_OR + ":date)";

	@Query("select e from Enrollment e left join fetch e.plan where e.id = :id")
	Optional<Enrollment> findWithPlan(long id);

	/** Whose enrollment (never changes): read without loading the entity. */
	@Query("select e.participantId from Enrollment e where e.id = :id")
	Optional<Long> findParticipantId(long id);

	/** Every block the plan ever held, without loading the entity. */
	@Query("select distinct p.blockId from PlanEntry p where p.enrollment.id = :id")
	List<Long> findPlanBlockIds(long id);

	/*
	 * Row locks on enrollments. A plan change or discharge takes its enrollment's lock
	 * (after its participant's and its blocks' locks: Enrollments.holdInLockOrder) before
	 * it reads the plan; marking attendance takes the lock of the enrollment covering the
	 * session's date after the session's lock and before it reads the roster. So
	 * "no attendance on a session the plan no longer holds" holds when the two race, on
	 * one instance or several.
	 */

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Enrollment e where e.id = :id")
	Optional<Enrollment> lockById(long id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select e from Enrollment e where e.participantId = :participantId and e.programId = :programId"
			+ " and e.startDate <= :date and " + LAST_DAY_ON + " >= :date order by e.id")
	List<Enrollment> lockCovering(long participantId, long programId, LocalDate date);

	List<Enrollment> findByParticipantIdOrderByStartDate(long participantId);

	/**
	 * Enrollments of a program that share at least one day with [from, to], plans
	 * included.
	 */
	@Query("select distinct e from Enrollment e left join fetch e.plan where e.programId = :programId and e.startDate <= :to and "
			+ LAST_DAY + " >= :from order by e.id")
	List<Enrollment> findInProgramDuring(long programId, LocalDate from, LocalDate to);

	@Query("select distinct e from Enrollment e left join fetch e.plan where e.programId in :programIds and e.startDate <= :to and "
			+ LAST_DAY + " >= :from order by e.id")
	List<Enrollment> findInProgramsDuring(Collection<Long> programIds, LocalDate from, LocalDate to);

	@Query("select distinct e from Enrollment e left join fetch e.plan where e.participantId = :participantId and e.startDate <= :to and "
			+ LAST_DAY + " >= :from order by e.startDate")
	List<Enrollment> findOfParticipantDuring(long participantId, LocalDate from, LocalDate to);

	/** Which of these participants have an enrollment, in any program, on these days. */
	@Query("select distinct e.participantId from Enrollment e where e.participantId in :participantIds and e.startDate <= :to and "
			+ LAST_DAY + " >= :from")
	List<Long> findEnrolledDuring(Collection<Long> participantIds, LocalDate from, LocalDate to);

	/**
	 * Other enrollments' places in the block that share a day with [from, to]: their plan
	 * entries' days.
	 */
	@Query("select new org.iopscheduler.enrollment.Holding(p.validFrom, p.validTo, e.startDate,"
			+ " e.endDate, e.dischargeDate) from PlanEntry p join p.enrollment e where p.blockId = :blockId"
			+ " and e.id <> :except and p.validFrom <= :to and (p.validTo is null or p.validTo > :from)"
			+ " and e.startDate <= :to and " + LAST_DAY + " >= :from")
	List<Holding> findHoldings(long blockId, long except, LocalDate from, LocalDate to);

}
