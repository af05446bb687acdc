package org.iopscheduler.notification;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.iopscheduler.calendar.WallTime;

/**
 * The hours of a program's night in which no reminder goes out, in its own zone: from
 * {@code from} to {@code until}, usually across midnight (21:00 to 08:00). The edges
 * themselves are not quiet: a reminder may go at 21:00 sharp or at 08:00 sharp.
 */
public record QuietHours(LocalTime from, LocalTime until) {

	public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

	public QuietHours {
		if (from == null || until == null || from.equals(until)) {
			throw new IllegalArgumentException("quiet hours need two different times");
		}
	}

	boolean acrossMidnight() {
		return until.isBefore(from);
	}

	/** Whether a moment falls strictly inside the quiet hours of its day. */
	public boolean contain(ZonedDateTime moment) {
		LocalTime time = moment.toLocalTime();
		return acrossMidnight() ? time.isAfter(from) || time.isBefore(until)
				: time.isAfter(from) && time.isBefore(until);
	}

	/**
	 * A moment moved out of the quiet hours to the nearer of their two edges that still
	 * comes before {@code deadline} (a reminder after its session starts is no reminder);
	 * the earlier edge when both are as near. Empty when neither edge is before the
	 * deadline. A moment outside the quiet hours stays where it is.
	 */
	public Optional<ZonedDateTime> moveOut(ZonedDateTime moment, ZonedDateTime deadline) {
		if (!contain(moment)) {
			return Optional.of(moment);
		}
		ZoneId zone = moment.getZone();
		LocalDate day = moment.toLocalDate();
		// the quiet spell holding the moment began on this day or, after midnight, the
		// day
		// before
		LocalDate began = acrossMidnight() && moment.toLocalTime().isBefore(until) ? day.minusDays(1) : day;
		ZonedDateTime earlier = WallTime.at(began, from, zone);
		ZonedDateTime later = WallTime.at(acrossMidnight() ? began.plusDays(1) : began, until, zone);
		boolean laterInTime = later.isBefore(deadline);
		boolean earlierInTime = earlier.isBefore(deadline);
		if (laterInTime && earlierInTime) {
			long toEarlier = moment.toEpochSecond() - earlier.toEpochSecond();
			long toLater = later.toEpochSecond() - moment.toEpochSecond();
			return Optional.of(toLater < toEarlier ? later : earlier);
		}
		if (earlierInTime) {
			return Optional.of(earlier);
		}
		return Optional.empty();
	}

}
