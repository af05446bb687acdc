package org.iopscheduler.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iopscheduler.system.AcceptedDates;
import org.iopscheduler.system.InvalidInput;

/**
 * An ISO week, Monday to Sunday. Its instants are always taken in a program's zone: week
 * 48 starts at Monday 00:00 in New York five hours after it starts in London.
 */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {

	private static final Pattern FORMAT = Pattern.compile("(\\d{4})-W(\\d{2})");

	private static final int FIRST_YEAR = AcceptedDates.FIRST.get(IsoFields.WEEK_BASED_YEAR);

	private static final int FIRST_WEEK = AcceptedDates.FIRST.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);

	private static final int LAST_YEAR = AcceptedDates.LAST.get(IsoFields.WEEK_BASED_YEAR);

	private static final int LAST_WEEK = AcceptedDates.LAST.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);

	/**
	 * The weeks that hold an accepted day: 1900-W01 (Monday 1 January 1900) to 2201-W01,
	 * the week of Wednesday 31 December 2200.
	 */
	public static final IsoWeek FIRST = of(AcceptedDates.FIRST);

	public static final IsoWeek LAST = of(AcceptedDates.LAST);

	/** What a week parameter takes, in the words of every refusal. */
	public static final String DESCRIPTION = AcceptedDates.WEEK_DESCRIPTION;

	public IsoWeek {
		if (year < FIRST_YEAR || year == FIRST_YEAR && week < FIRST_WEEK || year > LAST_YEAR
				|| year == LAST_YEAR && week > LAST_WEEK) {
			throw new InvalidInput("week: " + format(year, week) + " is outside the weeks the service accepts, " + FIRST
					+ " to " + LAST);
		}
		long weeks = LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
		if (week < 1 || week > weeks) {
			throw new InvalidInput("week: " + year + " has ISO weeks 1 to " + weeks + ", not " + week);
		}
	}

	public static IsoWeek parse(String text) {
		Matcher m = text == null ? null : FORMAT.matcher(text.trim());
		if (m == null || !m.matches()) {
			throw new InvalidInput("week: '" + text + "' is not " + DESCRIPTION);
		}
		return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
	}

	public static IsoWeek of(LocalDate date) {
		return new IsoWeek(date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
	}

	public static IsoWeek containing(Instant instant, ZoneId zone) {
		return of(LocalDate.ofInstant(instant, zone));
	}

	public LocalDate monday() {
		return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
	}

	public LocalDate sunday() {
		return monday().plusDays(6);
	}

	public LocalDate day(DayOfWeek dayOfWeek) {
		return monday().plusDays(dayOfWeek.getValue() - 1L);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(monday()) && !date.isAfter(sunday());
	}

	/**
	 * The weeks from {@code first} to {@code last}, both included; none when
	 * {@code first} comes after {@code last}. It never steps past {@code last}: the week
	 * after {@link #LAST} is no week the service accepts.
	 */
	public static List<IsoWeek> between(IsoWeek first, IsoWeek last) {
		List<IsoWeek> weeks = new ArrayList<>();
		if (first.compareTo(last) > 0) {
			return weeks;
		}
		for (IsoWeek w = first;; w = w.plusWeeks(1)) {
			weeks.add(w);
			if (w.equals(last)) {
				return weeks;
			}
		}
	}

	public IsoWeek plusWeeks(long weeks) {
		return of(monday().plusWeeks(weeks));
	}

	/** Monday 00:00 in the zone (inclusive). */
	public Instant start(ZoneId zone) {
		return monday().atStartOfDay(zone).toInstant();
	}

	/** The next Monday 00:00 in the zone (exclusive): the moment the week is over. */
	public Instant end(ZoneId zone) {
		return monday().plusWeeks(1).atStartOfDay(zone).toInstant();
	}

	@Override
	public int compareTo(IsoWeek other) {
		return year != other.year ? Integer.compare(year, other.year) : Integer.compare(week, other.week);
	}

	@Override
	public String toString() {
		return format(year, week);
	}

	private static String format(int year, int week) {
		return String.format("%04d-W%02d", year, week);
	}

}
