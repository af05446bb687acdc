package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The one rule for turning a program's local date and time into a moment. Sessions keep
 * their wall time across clock changes (18:00 stays 18:00, the offset follows the date).
 * Two local times do not exist once a year:
 * <ul>
 * <li>a start inside the hour skipped when clocks go forward moves to the first real
 * minute after the jump (02:30 becomes 03:00 in New York; 02:50 becomes 03:45 in
 * Pacific/Chatham, whose gap is 02:45 to 03:45). {@code ZonedDateTime.of} would instead
 * push it on by the gap's length (03:30);</li>
 * <li>a start inside the hour repeated when clocks go back takes the earlier offset: the
 * first 01:30.</li>
 * </ul>
 * The dose SQL's "has it started" threshold ({@code DoseFacts.startedUntil}) agrees with
 * both.
 */
public final class WallTime {

	private WallTime() {
	}

	public static ZonedDateTime at(LocalDate date, LocalTime time, ZoneId zone) {
		LocalDateTime local = LocalDateTime.of(date, time);
		ZoneRules rules = zone.getRules();
		if (rules.getValidOffsets(local).isEmpty()) {
			ZoneOffsetTransition gap = rules.getTransition(local);
			return ZonedDateTime.ofInstant(gap.getInstant(), zone);
		}
		// inside an overlap ofLocal keeps the earlier offset when given no preference
		return ZonedDateTime.ofLocal(local, zone, null);
	}

}
