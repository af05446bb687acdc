package org.iopscheduler.people;

import java.time.Clock;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.people.internal.AccountRepository;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.PasswordPolicy;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Changing passwords and ending lock-outs. A signed-in person changes their own password
 * (the current one first); a coordinator resets another account's password or unlocks it.
 * Each change joins the transaction of its {@code @Audited} request, so the change and
 * its audit line commit together, and once committed it ends the account's other page
 * sessions on every instance. HTTP Basic needs nothing more: the remembered passwords
 * (system/RecentlyVerifiedPasswords) are keyed by the stored hash, and a new password is
 * a new hash, so the old password stops working at once everywhere.
 */
@Service
@RequiredArgsConstructor
public class Passwords {

	private final AccountRepository accounts;

	private final PasswordEncoder passwordEncoder;

	private final PageSessions sessions;

	private final SignInThrottle throttle;

	private final Clock clock;

	private final PasswordPolicy policy = PasswordPolicy.standard();

	/**
	 * The signed-in account's own change. {@code keepSession} is the page session that
	 * asked for it, which stays signed in (none for an API call: every session ends).
	 */
	@Transactional
	public void changeOwn(long accountId, String currentPassword, String newPassword, Optional<String> keepSession) {
		// checked before the row is locked: a wrong one is counted in a transaction of
		// its
		// own, which would otherwise wait for this one's lock
		Account read = accounts.findById(accountId).orElseThrow(() -> noAccount(accountId));
		if (read.isLockedAt(clock.instant())) {
			throw new PasswordRefused("password.account-resting", "currentPassword",
					"cannot be checked now: the account rests after repeated failed sign-ins; try again later");
		}
		if (currentPassword == null || !passwordEncoder.matches(currentPassword, read.getPasswordHash())) {
			throttle.wrongPassword(read.getUsername());
			throw new PasswordRefused("password.current-does-not-match", "currentPassword",
					"does not match your current password");
		}
		Account account = lock(accountId);
		if (currentPassword.equals(newPassword)) {
			throw new PasswordRefused("password.unchanged", "newPassword", "must differ from the current password");
		}
		change(account, newPassword, keepSession);
	}

	/**
	 * A coordinator sets another account's password (one they then hand over). Their own
	 * goes through {@link #changeOwn}, which asks for the current one: a session left
	 * open must not be enough to take over an account.
	 */
	@Transactional
	public void reset(long accountId, SignedIn by, String newPassword) {
		Account account = lock(accountId);
		if (account.getId() == by.id()) {
			throw new PasswordRefused("password.own-account-reset", "id",
					"this is your own account; change your own password at /api/me/password "
							+ "(or the Change password page), which asks for the current one");
		}
		change(account, newPassword, Optional.empty());
	}

	/** Ends a lock-out from repeated failed sign-ins at once, on every instance. */
	@Transactional
	public void unlock(long accountId) {
		lock(accountId).unlock();
	}

	/** Whether the account is locked out now (for the coordinator's account page). */
	@Transactional(readOnly = true)
	public boolean isLocked(long accountId) {
		return accounts.findById(accountId)
			.map(a -> a.isLockedAt(clock.instant()))
			.orElseThrow(() -> noAccount(accountId));
	}

	private void change(Account account, String newPassword, Optional<String> keepSession) {
		policy.refusal(account.getUsername(), newPassword).ifPresent(rule -> {
			throw new PasswordRefused("password.policy", "newPassword", rule);
		});
		account.changePasswordHash(passwordEncoder.encode(newPassword));
		String username = account.getUsername();
		// after the commit: a change that rolls back ends nobody's session
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				sessions.endAllOf(username, keepSession);
			}
		});
	}

	private Account lock(long accountId) {
		return accounts.lockById(accountId).orElseThrow(() -> noAccount(accountId));
	}

	private static NotFound noAccount(long id) {
		return new NotFound("no account with id " + id);
	}

}
