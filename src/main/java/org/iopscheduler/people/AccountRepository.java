package org.iopscheduler.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	List<Account> findByRoleOrderByFullName(Role role);

	List<Account> findByIdIn(Collection<Long> ids);

	/**
	 * Takes the account's row lock. Rules that span rows (a counselor's blocks, a participant's
	 * enrollments) are checked under it, so concurrent requests, on any instance, queue here.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id")
	Optional<Account> lockById(Long id);

}
