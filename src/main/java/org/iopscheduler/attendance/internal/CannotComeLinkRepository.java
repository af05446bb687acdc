package org.iopscheduler.attendance.internal;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.iopscheduler.attendance.CannotComeLink;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface CannotComeLinkRepository extends JpaRepository<CannotComeLink, Long> {

	Optional<CannotComeLink> findByTokenHash(String tokenHash);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from CannotComeLink l where l.tokenHash = :tokenHash")
	Optional<CannotComeLink> lockByTokenHash(String tokenHash);

}
