package org.iopscheduler.dose;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iopscheduler.calendar.IsoWeek;

/**
 * One participant's week against the program's minimum (ASAM level 2.1: 540 minutes for
 * adults, 360 for adolescents), evaluated at an instant in the program's zone.
 *
 * @param daysAttended days with any attended minutes
 * @param daysOfThreeHours days with at least 180 attended minutes (payers count days as
 * well as hours: a common IOP code asks for 3 hours a day on at least 3 days a week)
 */
public record WeeklyDose(IsoWeek week, int minimumWeeklyMinutes, int scheduledMinutes, int attendedMinutes,
		int unmarkedSessions, int daysAttended, int daysOfThreeHours, DoseStatus status) {

	public static final int THREE_HOURS = 180;

	/**
	 * @param enrolledFrom the enrollment's first day
	 * @param enrolledUntil its last day, or null while open
	 * @param sessions the participant's sessions that week, cancelled ones included
	 */
	public static WeeklyDose evaluate(IsoWeek week, ZoneId zone, int minimum, LocalDate enrolledFrom,
			LocalDate enrolledUntil, List<SessionFact> sessions, Instant now) {
		int scheduled = 0;
		int attended = 0;
		int unmarked = 0;
		int stillToCome = 0;
		Map<LocalDate, Integer> attendedByDay = new TreeMap<>();
		for (SessionFact session : sessions) {
			if (session.cancelled()) {
				continue;
			}
			scheduled += session.durationMinutes();
			boolean started = !session.startsAt().isAfter(now);
			if (session.marked()) {
				attended += session.attendedMinutes();
				attendedByDay.merge(session.date(), session.attendedMinutes(), Integer::sum);
			}
			else if (started) {
				unmarked++;
			}
			if (!started) {
				stillToCome += session.durationMinutes();
			}
		}
		int days = (int) attendedByDay.values().stream().filter(m -> m > 0).count();
		int longDays = (int) attendedByDay.values().stream().filter(m -> m >= THREE_HOURS).count();
		return of(week, zone, minimum, enrolledFrom, enrolledUntil,
				new Totals(scheduled, attended, unmarked, stillToCome, days, longDays), now);
	}

	/**
	 * What a week's sessions add up to, however they were counted (in memory, or in SQL).
	 *
	 * @param stillToCome minutes of non-cancelled sessions not yet started
	 */
	public record Totals(int scheduledMinutes, int attendedMinutes, int unmarkedSessions, int stillToCome,
			int daysAttended, int daysOfThreeHours) {

		public static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);

	}

	/**
	 * The week from its totals: the same rules as {@link #evaluate}, whoever did the
	 * counting.
	 */
	public static WeeklyDose of(IsoWeek week, ZoneId zone, int minimum, LocalDate enrolledFrom, LocalDate enrolledUntil,
			Totals totals, Instant now) {
		DoseStatus status = status(week, zone, minimum, enrolledFrom, enrolledUntil, totals.attendedMinutes(),
				totals.stillToCome(), now);
		return new WeeklyDose(week, minimum, totals.scheduledMinutes(), totals.attendedMinutes(),
				totals.unmarkedSessions(), totals.daysAttended(), totals.daysOfThreeHours(), status);
	}

	private static DoseStatus status(IsoWeek week, ZoneId zone, int minimum, LocalDate enrolledFrom,
			LocalDate enrolledUntil, int attended, int stillToCome, Instant now) {
		if (enrolledFrom.isAfter(week.monday()) || (enrolledUntil != null && enrolledUntil.isBefore(week.sunday()))) {
			return DoseStatus.PARTIAL_WEEK;
		}
		if (attended >= minimum) {
			return DoseStatus.MET;
		}
		if (!now.isBefore(week.end(zone))) {
			return DoseStatus.UNDER_DOSED;
		}
		if (attended + stillToCome < minimum) {
			return DoseStatus.AT_RISK;
		}
		return DoseStatus.ON_TRACK;
	}

	/**
	 * In a coordinator's words, e.g. "attended 539 of 540 minutes in 2026-W47:
	 * UNDER_DOSED".
	 */
	public String explain() {
		return "attended " + attendedMinutes + " of " + minimumWeeklyMinutes + " minutes in " + week + ": " + status;
	}

	/**
	 * Two enrollments in one week (a transfer) add up; such a week is partial by
	 * definition.
	 */
	WeeklyDose plus(WeeklyDose other) {
		return new WeeklyDose(week, Math.max(minimumWeeklyMinutes, other.minimumWeeklyMinutes),
				scheduledMinutes + other.scheduledMinutes, attendedMinutes + other.attendedMinutes,
				unmarkedSessions + other.unmarkedSessions, daysAttended + other.daysAttended,
				daysOfThreeHours + other.daysOfThreeHours, DoseStatus.PARTIAL_WEEK);
	}

}
