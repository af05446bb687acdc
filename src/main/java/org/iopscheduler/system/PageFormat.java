package org.iopscheduler.system;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * How the pages write times and amounts: wall times in the program's zone with its
 * abbreviation (a session at 18:00 in New York reads "18:00 EST" wherever the browser
 * is), minutes as hours. Templates reach it as {@code @fmt}.
 */
@Component("fmt")
public class PageFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);

	private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.US);

	private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM", Locale.US);

	private static final DateTimeFormatter SHORT_DATE_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);

	private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.US);

	/** 540 → "9 h", 270 → "4 h 30 min", 45 → "45 min". */
	public static String hours(int minutes) {
		int h = Math.abs(minutes) / 60;
		int m = Math.abs(minutes) % 60;
		String sign = minutes < 0 ? "−" : "";
		if (h == 0) {
			return sign + m + " min";
		}
		return sign + h + " h" + (m == 0 ? "" : " " + m + " min");
	}

	/** "18:00–21:00 EST", in the zone the start carries. */
	public static String timeRange(ZonedDateTime start, ZonedDateTime end) {
		return TIME.format(start) + "–" + TIME.format(end) + " " + ZONE.format(start);
	}

	public static String time(LocalTime time) {
		return TIME.format(time);
	}

	public static String dayName(DayOfWeek day) {
		return day.getDisplayName(TextStyle.FULL, Locale.US);
	}

	public static String day(LocalDate date) {
		return DAY.format(date);
	}

	/** "30 Nov": a week's first day under a chart's bar. */
	public static String shortDate(LocalDate date) {
		return SHORT_DATE.format(date);
	}

	public static String longDay(LocalDate date) {
		return LONG_DAY.format(date);
	}

	/**
	 * A week or any span of days in words, "30 Nov - 6 Dec", as people name a week; the
	 * year only when the span crosses into another ("28 Dec 2026 - 3 Jan 2027").
	 */
	public static String days(LocalDate first, LocalDate last) {
		DateTimeFormatter end = first.getYear() == last.getYear() ? SHORT_DATE : SHORT_DATE_YEAR;
		return end.format(first) + " - " + end.format(last);
	}

	/** "America/New_York" → "New York time", as a coordinator names a zone. */
	public static String zone(String id) {
		try {
			String region = java.time.ZoneId.of(id).getId();
			String city = region.substring(region.lastIndexOf('/') + 1).replace('_', ' ');
			return "UTC".equals(city) ? "UTC" : city + " time";
		}
		catch (java.time.DateTimeException notAZone) {
			return id;
		}
	}

	public static int percent(int part, int whole) {
		return whole <= 0 ? 0 : Math.min(100, Math.round(100f * part / whole));
	}

}
