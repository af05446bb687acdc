package org.iopscheduler.calendar;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The hours of the day a program's sessions fill: from the whole hour at or before the
 * earliest start to the whole hour at or after the latest end, at least six hours
 * (widened before the first, so an evening program shows its afternoon), 09:00-17:00 when
 * there are none. The calendar grid shows these hours and make-ups are offered in them:
 * one rule, so the free times offered are where the program's sessions are, evening or
 * morning.
 */
public record SessionHours(int firstHour, int lastHour) {

	/** Fewer hours would leave a short program's grid cramped. */
	static final int FEWEST = 6;

	/** Clinics open early; widening stops here. */
	static final int OPENS = 7;

	/** A program without sessions: office hours. */
	static final SessionHours NONE = new SessionHours(9, 17);

	private static final int DAY = 24 * 60;

	/** A stretch of a day: when it starts and how many minutes it lasts. */
	public record Span(LocalTime start, int minutes) {

		int startMinute() {
			return start.getHour() * 60 + start.getMinute();
		}

		/** Its end in minutes of the day, cut at midnight. */
		int endMinute() {
			return Math.min(startMinute() + minutes, DAY);
		}

	}

	public static SessionHours of(Collection<Span> spans) {
		if (spans.isEmpty()) {
			return NONE;
		}
		int first = spans.stream().mapToInt(s -> s.startMinute() / 60).min().getAsInt();
		int last = spans.stream().mapToInt(s -> (s.endMinute() + 59) / 60).max().getAsInt();
		if (last - first < FEWEST) {
			first = Math.max(Math.min(first, OPENS), last - FEWEST);
			last = Math.min(24, Math.max(last, first + FEWEST));
		}
		return new SessionHours(first, last);
	}

	/**
	 * Every {@code stepMinutes} from the first hour, the starts of a session of that
	 * length that ends by the last hour.
	 */
	public List<LocalTime> startsFitting(int durationMinutes, int stepMinutes) {
		List<LocalTime> starts = new ArrayList<>();
		for (int start = firstHour * 60; start + durationMinutes <= lastHour * 60
				&& start < DAY; start += stepMinutes) {
			starts.add(LocalTime.of(start / 60, start % 60));
		}
		return starts;
	}

}
