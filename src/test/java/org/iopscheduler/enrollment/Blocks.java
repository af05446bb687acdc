package org.iopscheduler.enrollment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;

import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Location;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.calendar.WeeklySlot;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Weekly blocks for domain tests: program 1, 18:00 on the day, running since they began.
 */
final class Blocks {

	private Blocks() {
	}

	static WeeklyBlock block(long id, DayOfWeek day, int minutes) {
		return block(id, day, minutes, null);
	}

	static WeeklyBlock block(long id, DayOfWeek day, int minutes, Integer capacity) {
		WeeklyBlock block = WeeklyBlock.create(1L, BlockType.GROUP, "Block " + id, capacity,
				new WeeklySlot(day, LocalTime.of(18, 0), minutes), 7L, Location.of("Room 1", null), null,
				Instant.EPOCH);
		ReflectionTestUtils.setField(block, "id", id);
		return block;
	}

}
