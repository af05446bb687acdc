package org.iopscheduler.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} header (RFC 9110 13.1.1) and the one check of it: a change goes
 * ahead when the header is absent or {@code *}, or when one of its entity tags is the
 * record's current one (strong comparison: a weak tag never matches); otherwise it is a
 * 412 naming the versions and what the record reads now.
 * <p>
 * Entity tags are strong, {@code "<version>-<digest>"}: the record's JPA version (for
 * people to read) and a digest of the representation the service answers with. The digest
 * makes the tag honest for what the response shows: a block's "as it stands today"
 * fields, an enrollment's minutes (its blocks' durations) and a change of a dated version
 * row can all change the answer without bumping the record's own version.
 */
public record IfMatch(boolean any, List<String> tags) {

	public static final String DESCRIPTION = "* or entity tags in double quotes, separated by commas, as the ETag "
			+ "header gave them (e.g. \"3-1a2b3c4d\")";

	private static final Pattern TAG = Pattern.compile("\\s*((?:W/)?\"[\\x21\\x23-\\x7E\\x80-\\xFF]*\")\\s*(,|$)");

	/** The header as sent (several headers joined by commas); blank is malformed. */
	public static IfMatch parse(String header) {
		if (header == null) {
			return new IfMatch(true, List.of());
		}
		if (header.strip().equals("*")) {
			return new IfMatch(true, List.of());
		}
		List<String> tags = new ArrayList<>();
		Matcher m = TAG.matcher(header);
		int at = 0;
		while (at < header.length() && m.find(at) && m.start() == at) {
			tags.add(m.group(1));
			at = m.end();
			if (m.group(2).isEmpty()) {
				break;
			}
		}
		if (tags.isEmpty() || at != header.length() || header.strip().endsWith(",")) {
			throw new InvalidInput("If-Match: '" + header + "' is not " + DESCRIPTION);
		}
		return new IfMatch(false, List.copyOf(tags));
	}

	/** The strong entity tag of a record at a version, showing the given answer. */
	public static String etag(long version, Object representation) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(representation).getBytes(StandardCharsets.UTF_8));
			return "\"" + version + "-" + HexFormat.of().formatHex(digest, 0, 4) + "\"";
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** True when the change may go ahead on a record whose tag is {@code current}. */
	public boolean matches(String current) {
		return any || tags.contains(current) && !current.startsWith("W/");
	}

	/**
	 * The check a service runs on the record under its row lock, before changing it:
	 * {@code what} names the record ("enrollment 7"), {@code tag} gives its current
	 * entity tag, {@code reads} says in words what it holds now.
	 */
	public static <T> Consumer<T> check(IfMatch ifMatch, Function<T, String> what, Function<T, String> tag,
			Function<T, String> reads) {
		return record -> {
			if (ifMatch == null || ifMatch.any()) {
				return;
			}
			String current = tag.apply(record);
			if (!ifMatch.matches(current)) {
				throw new StaleVersion("If-Match: this " + what.apply(record) + " was changed after you loaded it ("
						+ versions(ifMatch.tags(), current) + "); it now reads: " + reads.apply(record)
						+ ". Nothing was changed: load it again and make your change on what it is now");
			}
		};
	}

	private static String versions(List<String> theirs, String current) {
		String had = String.join(", ", theirs.stream().map(IfMatch::version).toList());
		String now = version(current);
		if (had.equals(now)) {
			return "version " + now + " both, but what it shows has changed since: tag " + String.join(", ", theirs)
					+ ", now " + current;
		}
		return "version " + had + ", now " + now;
	}

	/**
	 * The version part of a tag, for people; the whole tag when it is not one of ours.
	 */
	private static String version(String tag) {
		Matcher m = Pattern.compile("(?:W/)?\"(\\d+)-[0-9a-f]{8}\"").matcher(tag);
		return m.matches() ? m.group(1) : tag;
	}

}
