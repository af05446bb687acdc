package org.iopscheduler.dose;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the dose needs to know of one session on a participant's schedule.
 *
 * @param attendedMinutes the minutes the mark counts, or null while unmarked
 */
public record SessionFact(LocalDate date, Instant startsAt, int durationMinutes, boolean cancelled,
		Integer attendedMinutes) {

	boolean marked() {
		return attendedMinutes != null;
	}

}
