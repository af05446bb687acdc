package org.iopscheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

/** What a coordinator asks for when adding a block, already in the calendar's types. */
public record BlockDefinition(BlockType type, String title, DayOfWeek dayOfWeek, LocalTime startTime,
		int durationMinutes, long counselorId, String location, LocationKind locationKind, Integer capacity,
		LocalDate startsOn) {
}
