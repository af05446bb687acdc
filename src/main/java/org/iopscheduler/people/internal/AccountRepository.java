package org.iopscheduler.people.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.iopscheduler.people.Account;
import org.iopscheduler.people.Role;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	/**
	 * One page of the accounts in these roles, by name: lists never load every account at
	 * once.
	 */
	List<Account> findByRoleIn(Collection<Role> roles, Pageable page);

	/**
	 * One page of the accounts in this role whose first name, last name or username
	 * starts with {@code prefix} (a search key with LIKE's wildcards escaped, ending in
	 * %): three index ranges (V9), never a scan.
	 */
	@Query("""
			select a from Account a
			where a.role = :role
			  and (a.nameKey like :prefix escape '!' or a.surnameKey like :prefix escape '!'
			       or a.usernameKey like :prefix escape '!')""")
	List<Account> search(Role role, String prefix, Pageable page);

	/** The same in several roles (staff: coordinators and counselors). */
	@Query("""
			select a from Account a
			where a.role in :roles
			  and (a.nameKey like :prefix escape '!' or a.surnameKey like :prefix escape '!'
			       or a.usernameKey like :prefix escape '!')""")
	List<Account> searchInRoles(Collection<Role> roles, String prefix, Pageable page);

	List<Account> findByIdIn(Collection<Long> ids);

	/**
	 * Participants whose full name starts with the text and who were born in the range
	 * (after, upTo]: a short range of ix_account_role_name (role, full_name, id), never a
	 * scan of every account.
	 */
	@Query("""
			select a from Account a where a.role = org.iopscheduler.people.Role.PARTICIPANT
			and a.fullName like :prefix escape '!' and a.dateOfBirth > :after and a.dateOfBirth <= :upTo
			order by a.fullName, a.id""")
	List<Account> findParticipantsNamed(String prefix, LocalDate after, LocalDate upTo, Pageable page);

	/** The same by username (its unique index). */
	@Query("""
			select a from Account a where a.role = org.iopscheduler.people.Role.PARTICIPANT
			and a.username like :prefix escape '!' and a.dateOfBirth > :after and a.dateOfBirth <= :upTo
			order by a.username""")
	List<Account> findParticipantsWithUsername(String prefix, LocalDate after, LocalDate upTo, Pageable page);

	/**
	 * Takes the account's row lock. Rules that span rows (a counselor's blocks, a
	 * participant's enrollments) are checked under it, so concurrent requests, on any
	 * instance, queue here.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id")
	Optional<Account> lockById(Long id);

	/**
	 * Counts a failed sign-in in one statement, so failures arriving on two instances at
	 * once both count. The failure that reaches the limit locks the account until
	 * {@code until} and starts the count again. (Every right-hand side reads the row as
	 * it was before this statement.)
	 */
	@Modifying
	@Query("""
			update Account a set
			  a.lockedUntil = case when a.failedLogins + 1 >= :limit then :until else a.lockedUntil end,
			  a.failedLogins = case when a.failedLogins + 1 >= :limit then 0 else a.failedLogins + 1 end,
			  a.rowVersion = a.rowVersion + 1
			where a.username = :username""")
	int recordFailedSignIn(String username, int limit, Instant until);

	/**
	 * A successful sign-in forgets earlier failures; a row with nothing to forget is left
	 * alone.
	 */
	@Modifying
	@Query("""
			update Account a set a.failedLogins = 0, a.lockedUntil = null, a.rowVersion = a.rowVersion + 1
			where a.username = :username and (a.failedLogins > 0 or a.lockedUntil is not null)""")
	int clearFailedSignIns(String username);

}
