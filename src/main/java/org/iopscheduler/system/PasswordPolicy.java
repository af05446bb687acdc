package org.iopscheduler.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What makes a password good enough, in one place: every password a person chooses (their
 * own change, a coordinator's reset) and the bootstrap coordinator's password under the
 * prod profile are checked here. At least 12 characters (length is what slows a guesser
 * down most), not one of the well-known common passwords (the first guesses of every
 * attack, whatever their length), and not the username. It lives in the shared kernel
 * because the production safety check asks it too; people's password changes use it.
 */
public final class PasswordPolicy {

	public static final int MINIMUM_LENGTH = 12;

	/**
	 * bcrypt reads only the first 72 bytes; the longest legitimate form value is far
	 * below.
	 */
	public static final int MAXIMUM_LENGTH = 200;

	private static final String COMMON = "people/common-passwords.txt";

	private static final PasswordPolicy STANDARD = new PasswordPolicy(load());

	private final Set<String> common;

	private PasswordPolicy(Set<String> common) {
		this.common = common;
	}

	/** The policy with the shipped list of common passwords. */
	public static PasswordPolicy standard() {
		return STANDARD;
	}

	/**
	 * Why this password may not be used by this account, as a rule a person can act on
	 * ("must have at least 12 characters"), or empty when it may.
	 */
	public Optional<String> refusal(String username, String password) {
		if (password == null || password.length() < MINIMUM_LENGTH) {
			return Optional.of("must have at least " + MINIMUM_LENGTH + " characters");
		}
		if (password.length() > MAXIMUM_LENGTH) {
			return Optional.of("must have at most " + MAXIMUM_LENGTH + " characters");
		}
		if (password.isBlank()) {
			return Optional.of("must not be only spaces");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower) || common.contains(lower.strip())) {
			return Optional.of("is one of the most common passwords; choose one nobody would guess");
		}
		if (username != null && lower.strip().equals(username.toLowerCase(Locale.ROOT))) {
			return Optional.of("must not be the username");
		}
		return Optional.empty();
	}

	public boolean allows(String username, String password) {
		return refusal(username, password).isEmpty();
	}

	private static Set<String> load() {
		Set<String> passwords = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON)) {
			if (in == null) {
				throw new IllegalStateException(COMMON + " is missing from the classpath");
			}
			BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					passwords.add(line.strip().toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException(unreadable);
		}
		return Set.copyOf(passwords);
	}

}
