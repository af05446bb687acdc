package org.iopscheduler.program;

import java.time.LocalDate;

/**
 * Who a program treats, and the ASAM level 2.1 floor of weekly treatment minutes that
 * follows.
 */
public enum Population {

	/** At least 9 hours a week. */
	ADULT(540),
	/** At least 6 hours a week. */
	ADOLESCENT(360);

	private final int floorMinutes;

	Population(int floorMinutes) {
		this.floorMinutes = floorMinutes;
	}

	public int floorMinutes() {
		return floorMinutes;
	}

	/** The age from which a participant is treated as an adult. */
	public static final int ADULT_AGE = 18;

	/**
	 * The earliest date of birth (exclusive) of the people this population treats on the
	 * day: adolescents are younger than {@value #ADULT_AGE}.
	 */
	public LocalDate bornAfter(LocalDate on) {
		return this == ADOLESCENT ? on.minusYears(ADULT_AGE) : LocalDate.of(1800, 1, 1);
	}

	/** The latest date of birth (inclusive) of the people it treats on the day. */
	public LocalDate bornBy(LocalDate on) {
		return this == ADULT ? on.minusYears(ADULT_AGE) : on;
	}

}
