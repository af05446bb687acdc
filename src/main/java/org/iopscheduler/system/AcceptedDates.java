package org.iopscheduler.system;

import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * The days the service accepts from anyone: 1900-01-01 to 2200-12-31. Wide enough for
 * every date of birth and any plan ahead; narrow enough that every day has a four-digit
 * ISO week and fits both databases' date types and the calendar's arithmetic. A date near
 * the end of what Java can hold (9999-12-31, +999999999-12-31) once made calendar making
 * fail half-way through its groups.
 * <p>
 * The web edge reads every date of a body, a parameter or a form through this rule
 * ({@link DateInput}); services that take dates from elsewhere check them here too.
 */
public final class AcceptedDates {

	public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

	public static final LocalDate LAST = LocalDate.of(2200, 12, 31);

	/** What a date field takes, in the words of every refusal. */
	public static final String DESCRIPTION = "a date as YYYY-MM-DD from " + FIRST + " to " + LAST;

	/**
	 * What a week field takes, in the words of every refusal: the ISO weeks that hold an
	 * accepted day, 1900-W01 to 2201-W01. calendar/IsoWeek enforces them; the error
	 * advice names them here without knowing the calendar.
	 */
	public static final String WEEK_DESCRIPTION = "an ISO week as YYYY-Www from " + isoWeek(FIRST) + " to "
			+ isoWeek(LAST) + ", e.g. 2026-W48";

	private AcceptedDates() {
	}

	private static String isoWeek(LocalDate day) {
		return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
				day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	public static boolean contains(LocalDate date) {
		return !date.isBefore(FIRST) && !date.isAfter(LAST);
	}

	/** The date itself when accepted; otherwise a 400 naming the field. */
	public static LocalDate check(String field, LocalDate date) {
		if (date != null && !contains(date)) {
			throw new InvalidInput(
					field + ": " + date + " is outside the dates the service accepts, " + FIRST + " to " + LAST);
		}
		return date;
	}

}
