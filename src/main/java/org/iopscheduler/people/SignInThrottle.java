package org.iopscheduler.people;

import java.time.Clock;

import org.iopscheduler.people.internal.AccountRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-in throttling: after too many wrong passwords in a row an account rests for a
 * while, on every instance, because the count and the lock live in the account's row.
 * Works for HTTP Basic and the form login alike (both publish these events). While
 * locked, Spring Security refuses the account before it looks at the password, so a lock
 * neither counts further failures nor tells a guesser whether the password was right.
 */
@Component
@EnableConfigurationProperties(SignInThrottleSettings.class)
class SignInThrottle {

	private final AccountRepository accounts;

	private final SignInThrottleSettings settings;

	private final Clock clock;

	private final TransactionTemplate clearing;

	SignInThrottle(AccountRepository accounts, SignInThrottleSettings settings, Clock clock,
			PlatformTransactionManager transactions) {
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
		this.clearing = new TransactionTemplate(transactions);
		this.clearing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(AuthenticationFailureBadCredentialsEvent event) {
		countFailure(event.getAuthentication().getName());
	}

	/**
	 * A wrong password given anywhere else (the current password of a password change)
	 * counts like a failed sign-in: a session left open is not a way to guess it.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void wrongPassword(String username) {
		countFailure(username);
	}

	private void countFailure(String username) {
		// an unknown username matches no row: nothing to count, and nothing to reveal
		accounts.recordFailedSignIn(username, settings.maxFailedLogins(), clock.instant().plus(settings.lockFor()));
	}

	/**
	 * Only an account whose row still counts failures is written to: with HTTP Basic
	 * every API call is a sign-in, and a write per read would cost a commit each time.
	 */
	@EventListener
	public void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof SignedIn signedIn && !signedIn.failuresToForget()) {
			return;
		}
		forget(event.getAuthentication().getName());
	}

	private void forget(String username) {
		clearing.executeWithoutResult(status -> accounts.clearFailedSignIns(username));
	}

}
