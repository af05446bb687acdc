package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.Set;

/**
 * A stretch of an enrollment's plan: the blocks attended from {@code from} to {@code to}
 * (both inclusive; {@code to} null while the enrollment runs on).
 */
public record PlanStretch(LocalDate from, LocalDate to, Set<Long> blockIds) {

	public PlanStretch {
		blockIds = Set.copyOf(blockIds);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(from) && (to == null || !date.isAfter(to));
	}

	@Override
	public String toString() {
		return to == null ? "from " + from + " on" : "from " + from + " to " + to;
	}

}
