package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ClosureRepository extends JpaRepository<Closure, Long> {

	List<Closure> findByProgramIdAndDateBetween(long programId, LocalDate from, LocalDate to);

	List<Closure> findByProgramIdInAndDateBetween(Collection<Long> programIds, LocalDate from, LocalDate to);

	List<Closure> findByProgramIdOrderByDate(long programId);

	boolean existsByProgramIdAndDate(long programId, LocalDate date);

}
