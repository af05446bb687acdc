package org.iopscheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.iopscheduler.system.InvalidInput;

/**
 * A recurring place in the week: a day, a local start time and a length in minutes. A slot may
 * run past midnight (a block is up to 12 hours), so overlap is checked on the circle of the week.
 */
public record WeeklySlot(DayOfWeek day, LocalTime start, int durationMinutes) {

	public static final int MAX_MINUTES = 720;

	static final int MINUTES_PER_WEEK = 7 * 24 * 60;

	public WeeklySlot {
		if (day == null || start == null) {
			throw new InvalidInput("dayOfWeek and startTime are required");
		}
		if (durationMinutes < 1 || durationMinutes > MAX_MINUTES) {
			throw new InvalidInput("durationMinutes: " + durationMinutes + " is outside 1.." + MAX_MINUTES);
		}
		start = start.withSecond(0).withNano(0);
	}

	public LocalTime end() {
		return start.plusMinutes(durationMinutes);
	}

	int startMinuteOfWeek() {
		return (day.getValue() - 1) * 24 * 60 + start.getHour() * 60 + start.getMinute();
	}

	/** Two slots in the same zone overlap when they share at least one minute of the week. */
	public boolean overlaps(WeeklySlot other) {
		return overlaps(startMinuteOfWeek(), durationMinutes, other.startMinuteOfWeek(), other.durationMinutes);
	}

	/**
	 * Slots of programs in different zones meet in absolute time, and their distance moves when
	 * only one side changes its clocks. Compared on a winter and a summer date, a clash in either
	 * season counts.
	 */
	public boolean overlaps(ZoneId zone, WeeklySlot other, ZoneId otherZone, int year) {
		if (zone.equals(otherZone)) {
			return overlaps(other);
		}
		for (LocalDate reference : new LocalDate[] { LocalDate.of(year, 1, 15), LocalDate.of(year, 7, 15) }) {
			if (overlaps(utcMinuteOfWeek(zone, reference), durationMinutes, other.utcMinuteOfWeek(otherZone, reference),
					other.durationMinutes)) {
				return true;
			}
		}
		return false;
	}

	private int utcMinuteOfWeek(ZoneId zone, LocalDate reference) {
		int offsetMinutes = ZonedDateTime.of(reference, start, zone).getOffset().getTotalSeconds() / 60;
		return Math.floorMod(startMinuteOfWeek() - offsetMinutes, MINUTES_PER_WEEK);
	}

	private static boolean overlaps(int aStart, int aLength, int bStart, int bLength) {
		for (int shift = -MINUTES_PER_WEEK; shift <= MINUTES_PER_WEEK; shift += MINUTES_PER_WEEK) {
			int b = bStart + shift;
			if (aStart < b + bLength && b < aStart + aLength) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return day + " " + start + "-" + end();
	}

}
