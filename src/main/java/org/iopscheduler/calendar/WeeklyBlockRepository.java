package org.iopscheduler.calendar;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface WeeklyBlockRepository extends JpaRepository<WeeklyBlock, Long> {

	@Query("select distinct b from WeeklyBlock b left join fetch b.versions where b.programId = :programId order by b.id")
	List<WeeklyBlock> findByProgramWithVersions(long programId);

	@Query("select distinct b from WeeklyBlock b left join fetch b.versions where b.programId in :programIds order by b.id")
	List<WeeklyBlock> findByProgramsWithVersions(Collection<Long> programIds);

	@Query("select distinct b from WeeklyBlock b left join fetch b.versions where b.id in :ids order by b.id")
	List<WeeklyBlock> findWithVersions(Collection<Long> ids);

	@Query("select b from WeeklyBlock b left join fetch b.versions where b.id = :id")
	Optional<WeeklyBlock> findWithVersions(long id);

	/**
	 * Row locks in id order (never two requests waiting on each other) before counting
	 * places.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select b from WeeklyBlock b where b.id in :ids order by b.id")
	List<WeeklyBlock> lockAll(Collection<Long> ids);

}
