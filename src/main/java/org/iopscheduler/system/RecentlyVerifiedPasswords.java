package org.iopscheduler.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sends the password with every request, and checking it against its bcrypt
 * hash costs about 100 ms of CPU, on purpose. A client calling many times a minute would
 * spend the server on hashing, so a password that matched its stored hash is remembered
 * for a short while, as a keyed digest (HMAC-SHA256 with a key made at start-up and kept
 * only in memory) of the stored hash and the password; the password itself is never kept.
 * A new password means a new stored hash, so a remembered pair stops matching at once, on
 * every instance. Wrong passwords are never remembered: each guess pays the full price
 * and counts towards the account's lock.
 */
final class RecentlyVerifiedPasswords implements PasswordEncoder {

	private static final int MOST_REMEMBERED = 50_000;

	private final PasswordEncoder hashing;

	private final Cache<String, Boolean> verified;

	private final SecretKeySpec key;

	public RecentlyVerifiedPasswords(PasswordEncoder hashing, Duration rememberFor, Clock clock) {
		this.hashing = hashing;
		this.verified = Caffeine.newBuilder()
			.maximumSize(MOST_REMEMBERED)
			.expireAfterWrite(rememberFor)
			// the injected clock, so tests can move time; Caffeine asks for nanoseconds
			.ticker(() -> clock.millis() * 1_000_000L)
			.build();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return hashing.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return hashing.matches(rawPassword, encodedPassword);
		}
		String digest = digest(encodedPassword, rawPassword);
		if (verified.getIfPresent(digest) != null) {
			return true;
		}
		boolean matches = hashing.matches(rawPassword, encodedPassword);
		if (matches) {
			verified.put(digest, Boolean.TRUE);
		}
		return matches;
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return hashing.upgradeEncoding(encodedPassword);
	}

	private String digest(String encodedPassword, CharSequence rawPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
			// a separator no hash contains, so (hash, password) pairs cannot run into
			// each other
			mac.update((byte) 0);
			return Base64.getEncoder()
				.encodeToString(mac.doFinal(rawPassword.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException unavailable) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", unavailable);
		}
	}

	@Override
	public String toString() {
		return "RecentlyVerifiedPasswords[" + verified.estimatedSize() + " remembered]";
	}

}
