package org.iopscheduler.calendar;

import org.iopscheduler.system.InvalidInput;

/**
 * The kinds of treatment in an IOP week. Individual and family sessions are one place
 * only.
 */
public enum BlockType {

	GROUP(12, false), INDIVIDUAL(1, true), FAMILY(1, true), PSYCHOEDUCATION(12, false);

	static final int MAX_GROUP_CAPACITY = 200;

	private final int defaultCapacity;

	private final boolean onePlaceOnly;

	BlockType(int defaultCapacity, boolean onePlaceOnly) {
		this.defaultCapacity = defaultCapacity;
		this.onePlaceOnly = onePlaceOnly;
	}

	public int capacity(Integer requested) {
		if (requested == null) {
			return defaultCapacity;
		}
		if (onePlaceOnly && requested != 1) {
			throw new InvalidInput("capacity: an " + this + " block has exactly 1 place, not " + requested);
		}
		if (requested < 1 || requested > MAX_GROUP_CAPACITY) {
			throw new InvalidInput("capacity: " + requested + " is outside 1.." + MAX_GROUP_CAPACITY);
		}
		return requested;
	}

}
