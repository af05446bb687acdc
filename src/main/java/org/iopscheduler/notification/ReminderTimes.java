package org.iopscheduler.notification;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.iopscheduler.calendar.WallTime;

/**
 * When the reminders before one session go out: each lead time before its start, moved
 * out of the program's quiet hours. A lead of whole days keeps the wall time ("the day
 * before at 10:00", also when the clocks change in between); any other lead is that many
 * minutes of real time. Two leads moved onto the same moment send one reminder, the
 * longer lead's.
 */
public record ReminderTimes(List<Integer> leadMinutes, QuietHours quiet) {

	static final int MINUTES_A_DAY = 24 * 60;

	public record Due(int leadMinutes, Instant at) {
	}

	/** The reminders of a session starting at {@code start}, earliest first. */
	public List<Due> before(ZonedDateTime start) {
		List<Due> due = new ArrayList<>();
		leadMinutes.stream().sorted(Comparator.reverseOrder()).forEach(lead -> {
			quiet.moveOut(leadBefore(start, lead), start).ifPresent(moment -> {
				Instant at = moment.toInstant();
				if (due.stream().noneMatch(d -> d.at().equals(at))) {
					due.add(new Due(lead, at));
				}
			});
		});
		due.sort(Comparator.comparing(Due::at));
		return due;
	}

	private static ZonedDateTime leadBefore(ZonedDateTime start, int lead) {
		if (lead % MINUTES_A_DAY == 0) {
			return WallTime.at(start.toLocalDate().minusDays(lead / MINUTES_A_DAY), start.toLocalTime(),
					start.getZone());
		}
		return start.minusMinutes(lead);
	}

}
