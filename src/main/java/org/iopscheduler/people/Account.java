package org.iopscheduler.people;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;

/** A person who signs in: a coordinator, a counselor or a participant. */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String passwordHash;

	private String fullName;

	/**
	 * Lower-case search keys (see {@link #searchKey}), computed by the database from the
	 * name and username (V9) and indexed, so search is no scan.
	 */
	@Column(insertable = false, updatable = false)
	private String nameKey;

	@Column(insertable = false, updatable = false)
	private String surnameKey;

	@Column(insertable = false, updatable = false)
	private String usernameKey;

	@Enumerated(EnumType.STRING)
	private Role role;

	private LocalDate dateOfBirth;

	private int failedLogins;

	private Instant lockedUntil;

	private Instant createdAt;

	@Version
	@Column(name = "version")
	private long rowVersion;

	private Account(String username, String passwordHash, String fullName, Role role, LocalDate dateOfBirth,
			Instant now) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.fullName = fullName;
		this.role = role;
		this.dateOfBirth = dateOfBirth;
		this.createdAt = now;
	}

	/**
	 * How a name or username is compared in a search: case does not matter. The same as
	 * the database's lower(), which computes the keys (migration V9).
	 */
	public static String searchKey(String text) {
		return text.strip().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The LIKE pattern for "starts with the text" over the search keys: the key with
	 * LIKE's wildcards escaped with '!', then %. Write {@code escape '!'} after it.
	 */
	public static String searchPrefix(String text) {
		return searchKey(text).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
	}

	public static Account staff(String username, String passwordHash, String fullName, Role role, Instant now) {
		if (role == Role.PARTICIPANT) {
			throw new InvalidInput(Refusal.of("account.staff-role", "role",
					"role must be COORDINATOR or COUNSELOR for staff", "role", role));
		}
		return new Account(username, passwordHash, fullName, role, null, now);
	}

	public static Account participant(String username, String passwordHash, String fullName, LocalDate dateOfBirth,
			Instant now) {
		if (dateOfBirth.isAfter(now.atZone(java.time.ZoneOffset.UTC).toLocalDate())) {
			throw new InvalidInput(Refusal.of("account.born-in-future", "dateOfBirth",
					"dateOfBirth must not lie in the future", "dateOfBirth", dateOfBirth));
		}
		return new Account(username, passwordHash, fullName, Role.PARTICIPANT, dateOfBirth, now);
	}

	/**
	 * Locked by repeated failed sign-ins (see
	 * {@link AccountRepository#recordFailedSignIn}).
	 */
	/**
	 * Failed sign-ins still counted, or a lock still written down (even one that has run
	 * out).
	 */
	public boolean hasFailedSignIns() {
		return failedLogins > 0 || lockedUntil != null;
	}

	public boolean isLockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/**
	 * A new password (already hashed and checked by {@link Passwords}). The failed
	 * sign-ins counted against the old one are not forgiven: a reset does not unlock.
	 */
	void changePasswordHash(String newHash) {
		this.passwordHash = newHash;
	}

	/** Ends a lock-out at once and forgets the failed sign-ins that led to it. */
	void unlock() {
		this.failedLogins = 0;
		this.lockedUntil = null;
	}

}
