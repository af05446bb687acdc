package org.iopscheduler.program;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ProgramRepository extends JpaRepository<Program, Long> {

	List<Program> findAllByOrderByName();

	/** The program under its row lock: changes queue, and If-Match is checked on it. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Program p where p.id = :id")
	Optional<Program> lockById(long id);

}
