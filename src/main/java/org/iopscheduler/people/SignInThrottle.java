package org.iopscheduler.people;

import java.time.Clock;

import lombok.RequiredArgsConstructor;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in throttling: after too many wrong passwords in a row an account rests for a while, on
 * every instance, because the count and the lock live in the account's row. Works for HTTP Basic
 * and the form login alike (both publish these events). While locked, Spring Security refuses the
 * account before it looks at the password, so a lock neither counts further failures nor tells a
 * guesser whether the password was right.
 */
@Component
@EnableConfigurationProperties(SignInThrottleSettings.class)
@RequiredArgsConstructor
class SignInThrottle {

	private final AccountRepository accounts;

	private final SignInThrottleSettings settings;

	private final Clock clock;

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(AuthenticationFailureBadCredentialsEvent event) {
		// an unknown username matches no row: nothing to count, and nothing to reveal
		accounts.recordFailedSignIn(event.getAuthentication().getName(), settings.maxFailedLogins(),
				clock.instant().plus(settings.lockFor()));
	}

	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void succeeded(AuthenticationSuccessEvent event) {
		accounts.clearFailedSignIns(event.getAuthentication().getName());
	}

}
