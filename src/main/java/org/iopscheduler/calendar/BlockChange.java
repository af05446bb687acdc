package org.iopscheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Objects;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;

/**
 * A change to a block from a date on. Null fields keep what the block has on that date; a
 * change that names none of them would only add a copy of the block, so it is refused.
 */
public record BlockChange(LocalDate effectiveFrom, DayOfWeek dayOfWeek, LocalTime startTime, Integer durationMinutes,
		Long counselorId, String location, LocationKind locationKind, String title, Integer capacity) {

	static final String CHANGEABLE = "dayOfWeek, startTime, durationMinutes, counselorId, location, locationKind, "
			+ "title, capacity";

	public BlockChange {
		if (Arrays
			.stream(new Object[] { dayOfWeek, startTime, durationMinutes, counselorId, location, locationKind, title,
					capacity })
			.allMatch(Objects::isNull)) {
			throw new InvalidInput(Refusal.of("block.change-names-nothing", null,
					"a change names at least one of " + CHANGEABLE + "; to end the block, end it from a date"));
		}
	}

}
