package org.iopscheduler.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.people.internal.AccountRepository;
import org.iopscheduler.system.Conflict;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.NotFound;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and finds accounts. */
@Service
@RequiredArgsConstructor
public class People {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	@Transactional
	public Account createStaff(String username, String password, String fullName, Role role) {
		return save(Account.staff(username, encode(password), fullName, role, clock.instant()));
	}

	@Transactional
	public Account createParticipant(String username, String password, String fullName, LocalDate dateOfBirth) {
		return save(Account.participant(username, encode(password), fullName, dateOfBirth, clock.instant()));
	}

	@Transactional(readOnly = true)
	public Account get(long id) {
		return accounts.findById(id).orElseThrow(() -> new NotFound("no account with id " + id));
	}

	@Transactional(readOnly = true)
	public Account participant(long id) {
		return accounts.findById(id)
			.filter(a -> a.getRole() == Role.PARTICIPANT)
			.orElseThrow(() -> new NotFound("no participant with id " + id));
	}

	@Transactional(readOnly = true)
	public Account counselor(long id) {
		Account account = accounts.findById(id).orElseThrow(() -> new NotFound("no counselor with id " + id));
		if (account.getRole() == Role.PARTICIPANT) {
			throw new InvalidInput("counselorId " + id + " is a participant, not a member of staff");
		}
		return account;
	}

	/**
	 * Page {@code page} (from 0) of {@code size} accounts in these roles, ordered by full
	 * name, then id.
	 */
	@Transactional(readOnly = true)
	public List<Account> withRoles(Collection<Role> roles, int page, int size) {
		return accounts.findByRoleIn(roles, PageRequest.of(page, size, Sort.by("fullName", "id")));
	}

	/**
	 * Page {@code page} of {@code size} participants whose first name, last name or
	 * username starts with {@code text}, whatever its case; by full name, then id.
	 */
	@Transactional(readOnly = true)
	public List<Account> findParticipants(String text, int page, int size) {
		String escaped = Account.searchKey(text).replace("!", "!!").replace("%", "!%").replace("_", "!_");
		return accounts.search(Role.PARTICIPANT, escaped + "%", PageRequest.of(page, size, Sort.by("fullName", "id")));
	}

	/**
	 * Takes the account's row lock for the rest of the caller's transaction. Rules that
	 * span rows (a counselor's blocks, a participant's enrollments) are checked under it,
	 * so concurrent requests, on any instance, queue here.
	 */
	public void lock(long accountId) {
		accounts.lockById(accountId);
	}

	@Transactional(readOnly = true)
	public boolean exists(String username) {
		return accounts.existsByUsername(username);
	}

	private String encode(String password) {
		if (password.length() < 8) {
			throw new InvalidInput("password must have at least 8 characters");
		}
		return passwordEncoder.encode(password);
	}

	private Account save(Account account) {
		if (accounts.existsByUsername(account.getUsername())) {
			throw duplicate(account.getUsername());
		}
		try {
			return accounts.saveAndFlush(account);
		}
		catch (DataIntegrityViolationException raced) {
			// the unique key caught a concurrent request for the same username
			throw duplicate(account.getUsername());
		}
	}

	private static Conflict duplicate(String username) {
		return new Conflict("username '" + username + "' is already taken");
	}

}
