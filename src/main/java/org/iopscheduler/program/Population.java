package org.iopscheduler.program;

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

}
