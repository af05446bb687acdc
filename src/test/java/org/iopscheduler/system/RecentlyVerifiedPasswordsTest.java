package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;

import org.iopscheduler.support.MutableClock;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecentlyVerifiedPasswordsTest {

	static final String HASH = "{bcrypt}$2a$10$stored-hash-of-the-right-password";

	final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

	final PasswordEncoder bcrypt = mock(PasswordEncoder.class);

	final RecentlyVerifiedPasswords passwords = new RecentlyVerifiedPasswords(bcrypt, Duration.ofMinutes(5), clock);

	@BeforeEach
	void onlyTheRightPasswordMatchesTheStoredHash() {
		when(bcrypt.matches(any(), anyString()))
			.thenAnswer(call -> "right-password".contentEquals((CharSequence) call.getArgument(0))
					&& HASH.equals(call.getArgument(1)));
	}

	@Test
	void aPasswordThatMatchedIsNotHashedAgainWhileRemembered() {
		assertThat(passwords.matches("right-password", HASH)).isTrue();
		assertThat(passwords.matches("right-password", HASH)).isTrue();
		assertThat(passwords.matches("right-password", HASH)).isTrue();

		verify(bcrypt, times(1)).matches("right-password", HASH);
	}

	@Test
	void aWrongPasswordIsHashedEveryTimeAndNeverRemembered() {
		assertThat(passwords.matches("wrong-password", HASH)).isFalse();
		assertThat(passwords.matches("wrong-password", HASH)).isFalse();

		verify(bcrypt, times(2)).matches("wrong-password", HASH);
	}

	@Test
	void aNewStoredHashIsCheckedAfreshSoAnOldPasswordStopsWorkingAtOnce() {
		assertThat(passwords.matches("right-password", HASH)).isTrue();

		assertThat(passwords.matches("right-password", HASH + "-after-a-password-change")).isFalse();
	}

	@Test
	void theMemoryOfAMatchEndsAfterItsTime() {
		passwords.matches("right-password", HASH);

		clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		passwords.matches("right-password", HASH);

		verify(bcrypt, times(2)).matches("right-password", HASH);
	}

	@Test
	void realBcryptHashesStillMatchThroughTheMemory() {
		PasswordEncoder real = new RecentlyVerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
				Duration.ofMinutes(5), clock);
		String hash = real.encode("s3cret-password");

		assertThat(hash).startsWith("{bcrypt}").doesNotContain("s3cret-password");
		assertThat(real.matches("s3cret-password", hash)).isTrue();
		assertThat(real.matches("s3cret-password", hash)).isTrue();
		assertThat(real.matches("other-password", hash)).isFalse();
	}

}
