package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Time a counselor has promised: a weekly slot in a program's zone, on every date of its
 * validity [from, to) with the slot's day. A one-off session is the same thing valid for
 * one day, so both kinds are compared by one walk ({@link DoubleBooking}).
 *
 * @param what names it in a refusal ("block 12 'Process group'")
 * @param from first day it applies; null since ever (a block that began with no start
 * date)
 * @param to first day it no longer applies; null while open
 * @param once a one-off session rather than a weekly block (only the wording differs)
 */
record Commitment(String what, WeeklySlot slot, ZoneId zone, LocalDate from, LocalDate to, boolean once) {

	Commitment {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new IllegalArgumentException(what + " is valid for no day: [" + from + ", " + to + ")");
		}
	}

	static Commitment weekly(String what, WeeklySlot slot, ZoneId zone, LocalDate from, LocalDate to) {
		return new Commitment(what, slot, zone, from, to, false);
	}

	static Commitment once(String what, LocalDate date, LocalTime start, int durationMinutes, ZoneId zone) {
		return new Commitment(what, new WeeklySlot(date.getDayOfWeek(), start, durationMinutes), zone, date,
				date.plusDays(1), true);
	}

	/**
	 * Its title for the pages: what {@link #what} quotes ("block 12 'Process group'").
	 */
	String title() {
		int open = what.indexOf('\'');
		return open < 0 || open == what.lastIndexOf('\'') ? what : what.substring(open + 1, what.lastIndexOf('\''));
	}

	boolean meetsOn(LocalDate date) {
		return date.getDayOfWeek() == slot.day() && (from == null || !date.isBefore(from))
				&& (to == null || date.isBefore(to));
	}

	/**
	 * The one date with the slot's day among the three days either side of {@code date}.
	 * A meeting of another zone that shares a moment with one on {@code date} lies at
	 * most two days away: meetings last up to 12 hours and zones are at most 26 hours
	 * apart.
	 */
	LocalDate nearest(LocalDate date) {
		int days = Math.floorMod(slot.day().getValue() - date.getDayOfWeek().getValue() + 3, 7) - 3;
		return date.plusDays(days);
	}

	/**
	 * Its meeting on that date, in absolute time (the one wall-time rule,
	 * {@link WallTime}).
	 */
	Occurrence on(LocalDate date) {
		ZonedDateTime start = WallTime.at(date, slot.start(), zone);
		return new Occurrence(date, start, start.plusMinutes(slot.durationMinutes()));
	}

	/** "on MONDAY 13:00-14:00" for a block, "on 2027-03-15 13:00-14:00" for a one-off. */
	String when() {
		return "on " + (once ? from + " " + slot.start() + "-" + slot.end() : slot.toString());
	}

	/** One meeting: its local date and its start and end as moments. */
	record Occurrence(LocalDate date, ZonedDateTime start, ZonedDateTime end) {

		boolean overlaps(Occurrence other) {
			return start.toInstant().isBefore(other.end.toInstant())
					&& other.start.toInstant().isBefore(end.toInstant());
		}

		@Override
		public String toString() {
			return date + " " + start.toLocalTime() + " " + start.getOffset().getId().replace("Z", "+00:00");
		}

	}

}
