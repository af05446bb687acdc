package org.iopscheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.iopscheduler.system.InvalidInput;

/**
 * A recurring place in the week: a day, a local start time and a length in minutes. A
 * slot may run past midnight (a block is up to 12 hours), so overlap is checked on the
 * circle of the week.
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

	/**
	 * Two slots in the same zone overlap when they share at least one minute of the week
	 * (two blocks in one plan). Whether a counselor is free is a question of dates and
	 * moments: {@link DoubleBooking}.
	 */
	public boolean overlaps(WeeklySlot other) {
		return overlaps(startMinuteOfWeek(), durationMinutes, other.startMinuteOfWeek(), other.durationMinutes);
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
