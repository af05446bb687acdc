package org.iopscheduler.calendar;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;

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
		Refusal refused = capacityRefusal(requested);
		if (refused != null) {
			throw new InvalidInput(refused);
		}
		return requested;
	}

	/** Why this type cannot have the places asked for; null when it can. */
	public Refusal capacityRefusal(Integer requested) {
		if (requested == null) {
			return null;
		}
		if (onePlaceOnly && requested != 1) {
			return Refusal.of("block.capacity-one-place", "capacity",
					"an " + this + " block has exactly 1 place, not " + requested, "type", this, "capacity", requested);
		}
		if (requested < 1 || requested > MAX_GROUP_CAPACITY) {
			return Refusal.of("block.capacity-out-of-range", "capacity",
					requested + " is outside 1.." + MAX_GROUP_CAPACITY, "capacity", requested, "maximum",
					MAX_GROUP_CAPACITY);
		}
		return null;
	}

}
