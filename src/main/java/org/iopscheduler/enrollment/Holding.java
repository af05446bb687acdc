package org.iopscheduler.enrollment;

import java.time.LocalDate;

/** One enrollment's place in a block: a plan entry with its enrollment's dates. */
public record Holding(LocalDate validFrom, LocalDate validTo, LocalDate startDate, LocalDate endDate,
		LocalDate dischargeDate) {

	/**
	 * The days the place is held, or null when the entry and the enrollment share none.
	 */
	Days days() {
		return Days.held(validFrom, validTo, startDate, endDate, dischargeDate);
	}

}
