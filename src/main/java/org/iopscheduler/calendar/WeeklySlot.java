package org.iopscheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;

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
			throw new InvalidInput(
					Refusal.of("slot.day-and-time-required", null, "dayOfWeek and startTime are required"));
		}
		if (durationRefusal(durationMinutes) != null) {
			throw new InvalidInput(durationRefusal(durationMinutes));
		}
		start = start.withSecond(0).withNano(0);
	}

	/** A length outside 1..720 minutes; null when the length is allowed. */
	public static Refusal durationRefusal(int durationMinutes) {
		if (durationMinutes >= 1 && durationMinutes <= MAX_MINUTES) {
			return null;
		}
		return Refusal.of("slot.duration-out-of-range", "durationMinutes",
				durationMinutes + " is outside 1.." + MAX_MINUTES, "durationMinutes", durationMinutes, "maximumMinutes",
				MAX_MINUTES);
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
