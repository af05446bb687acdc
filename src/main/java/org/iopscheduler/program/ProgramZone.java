package org.iopscheduler.program;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iopscheduler.system.InvalidInput;

/**
 * A program's time zone: a region of the IANA time-zone database (America/New_York,
 * Asia/Kolkata, Pacific/Chatham), or UTC under one of its names (UTC, Etc/UTC, GMT).
 * Never a fixed offset, in any spelling: an offset never follows daylight saving, so a
 * New York program entered as -05:00 would run an hour off all summer. Every way a zone
 * enters the service (API, pages, demo data, the benchmark's generator) asks this one
 * rule; the database refuses the obvious offset spellings too (V6).
 */
public final class ProgramZone {

	/**
	 * EST, MST and HST look like the zones people mean (Eastern, Mountain, Hawaii) but
	 * the JDK reads them as fixed offsets (ZoneId.SHORT_IDS) and the tz database made
	 * them aliases of Panama, Phoenix and Honolulu, none with daylight saving: refused
	 * with the region a clinic most likely meant.
	 */
	private static final Map<String, String> FIXED_ABBREVIATIONS = Map.of("EST", "America/New_York", "MST",
			"America/Denver", "HST", "Pacific/Honolulu");

	private static final String EXAMPLE = "America/New_York";

	private ProgramZone() {
	}

	/**
	 * The zone for an id the rule accepts; any other id is refused with the reason (400).
	 */
	public static ZoneId of(String id) {
		Optional<String> refused = refusal(id);
		if (refused.isPresent()) {
			throw new InvalidInput(refused.get());
		}
		return ZoneId.of(id);
	}

	/**
	 * The zone ids of the tz database: {@code ZoneId}'s list less the ids the calendar
	 * feed's library registers for itself ("ical4j-local-<hash>-<n>", some without rules
	 * until it needs them), which are nobody's region.
	 */
	public static List<String> tzDatabaseIds() {
		return ZoneId.getAvailableZoneIds().stream().filter(ProgramZone::fromTzDatabase).toList();
	}

	private static boolean fromTzDatabase(String id) {
		return !id.startsWith("ical4j");
	}

	public static boolean accepts(String id) {
		return refusal(id).isEmpty();
	}

	/**
	 * Why the id may not be a program's zone, naming the field and the rule; empty when
	 * it may.
	 */
	public static Optional<String> refusal(String id) {
		if (id == null || id.isBlank()) {
			return Optional.of("timeZone: is required, an IANA region id such as " + EXAMPLE);
		}
		if (FIXED_ABBREVIATIONS.containsKey(id)) {
			return Optional.of(fixedOffset(id,
					"a legacy abbreviation for the fixed offset " + utc(ZoneOffset.of(ZoneId.SHORT_IDS.get(id))),
					FIXED_ABBREVIATIONS.get(id)));
		}
		if (!fromTzDatabase(id)) {
			return Optional.of(unknown(id));
		}
		ZoneId zone;
		try {
			zone = ZoneId.of(id);
			if (zone.getRules() == null) {
				return Optional.of(unknown(id));
			}
		}
		catch (DateTimeException unknown) {
			return Optional.of(unknown(id));
		}
		boolean fixed = zone.getRules().isFixedOffset();
		ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH);
		// SystemV/ ids are the JDK's own relics, dropped from the tz database in 2020
		boolean inDatabase = ZoneId.getAvailableZoneIds().contains(id) && !id.startsWith("SystemV/");
		if (inDatabase && !fixed) {
			return Optional.empty();
		}
		if (inDatabase && offset.equals(ZoneOffset.UTC) && id.indexOf('+') < 0 && id.indexOf('-') < 0) {
			// UTC, Etc/UTC, GMT, Zulu...: a program that keeps UTC all year says so by
			// name
			return Optional.empty();
		}
		if (!fixed) {
			return Optional.of(unknown(id));
		}
		if (id.startsWith("Etc/GMT")) {
			// Etc/GMT+5 is five hours *behind* UTC: POSIX signs, the opposite of what the
			// id seems to say
			return Optional
				.of(fixedOffset(id, "the fixed offset " + utc(offset) + " (Etc/GMT ids invert the sign)", EXAMPLE));
		}
		return Optional.of(fixedOffset(id, "the fixed offset " + utc(offset), EXAMPLE));
	}

	private static String unknown(String id) {
		return "timeZone: '" + id + "' is not an IANA time zone id such as " + EXAMPLE;
	}

	private static String fixedOffset(String id, String what, String example) {
		return "timeZone: '" + id + "' is " + what + ", which never follows daylight saving: sessions would run an"
				+ " hour off for part of the year; use the IANA id of the program's region, e.g. " + example
				+ " (or UTC for a program that keeps UTC all year)";
	}

	private static String utc(ZoneOffset offset) {
		return "UTC" + (offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId());
	}

}
