package org.iopscheduler.calendar;

import java.time.LocalDate;

/**
 * A block's terms over a stretch of dates, as a value: what a change replaced, or what is
 * to come.
 */
public record ScheduledChange(LocalDate validFrom, LocalDate validTo, WeeklySlot slot, long counselorId,
		Location location) {

	public static ScheduledChange of(BlockVersion version) {
		return new ScheduledChange(version.getValidFrom(), version.getValidTo(), version.slot(),
				version.getCounselorId(), version.place());
	}

	@Override
	public String toString() {
		return "from " + validFrom + ": " + slot + ", counselor " + counselorId + ", " + location.value();
	}

}
