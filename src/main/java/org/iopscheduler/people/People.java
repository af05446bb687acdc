package org.iopscheduler.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.ParticipantAccounts;
import org.iopscheduler.people.internal.AccountRepository;
import org.iopscheduler.system.Conflict;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;
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
public class People implements ParticipantAccounts {

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

	@Override
	@Transactional(readOnly = true)
	public boolean isParticipant(long accountId) {
		return accounts.findById(accountId).map(a -> a.getRole() == Role.PARTICIPANT).orElse(false);
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
			throw new InvalidInput(Refusal.of("counselor.not-staff", "counselorId",
					"counselorId " + id + " is a participant, not a member of staff", "counselorId", id));
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

	/** The accounts with these ids (unknown ids left out). */
	@Transactional(readOnly = true)
	public List<Account> withIds(Collection<Long> ids) {
		return accounts.findByIdIn(ids);
	}

	/**
	 * Up to {@code limit} participants born after {@code bornAfter} and on or before
	 * {@code bornBy} whose full name or username starts with the text, by name. Names are
	 * matched with each word capitalised ("alex car" finds "Alex Carter") and usernames
	 * in lower case, so both stay index ranges (no lower() over every row).
	 */
	@Transactional(readOnly = true)
	public List<Account> participantsStartingWith(String text, LocalDate bornAfter, LocalDate bornBy, int limit) {
		String typed = text.strip().replaceAll("\\s+", " ");
		if (typed.isEmpty()) {
			return List.of();
		}
		java.util.Map<Long, Account> found = new java.util.LinkedHashMap<>();
		PageRequest first = PageRequest.of(0, limit);
		accounts.findParticipantsNamed(like(capitalised(typed)), bornAfter, bornBy, first)
			.forEach(a -> found.put(a.getId(), a));
		accounts.findParticipantsWithUsername(like(typed.toLowerCase(java.util.Locale.ROOT)), bornAfter, bornBy, first)
			.forEach(a -> found.putIfAbsent(a.getId(), a));
		return found.values()
			.stream()
			.sorted(java.util.Comparator.comparing(Account::getFullName).thenComparing(Account::getId))
			.limit(limit)
			.toList();
	}

	/** A prefix for LIKE, its wildcards escaped with '!'. */
	private static String like(String prefix) {
		return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	private static String capitalised(String typed) {
		StringBuilder words = new StringBuilder();
		for (String word : typed.split(" ")) {
			if (!words.isEmpty()) {
				words.append(' ');
			}
			words.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
		}
		return words.toString();
	}

	/**
	 * Page {@code page} of {@code size} participants whose first name, last name or
	 * username starts with {@code text}, whatever its case; by full name, then id.
	 */
	@Transactional(readOnly = true)
	public List<Account> findParticipants(String text, int page, int size) {
		return accounts.search(Role.PARTICIPANT, Account.searchPrefix(text),
				PageRequest.of(page, size, Sort.by("fullName", "id")));
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
			throw new InvalidInput(Refusal.of("account.password-too-short", "password",
					"password must have at least 8 characters", "minimumLength", 8));
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
		return new Conflict(Refusal.of("account.username-taken", "username",
				"username '" + username + "' is already taken", "username", username));
	}

}
