package org.iopscheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A change to a block from a date on. Null fields keep what the block has on that date.
 */
public record BlockChange(LocalDate effectiveFrom, DayOfWeek dayOfWeek, LocalTime startTime, Integer durationMinutes,
		Long counselorId, String location, LocationKind locationKind, String title, Integer capacity) {
}
