package org.iopscheduler.enrollment;

import java.util.List;
import java.util.Optional;

import org.iopscheduler.calendar.WeeklySlot;
import org.iopscheduler.system.Conflict;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;

/**
 * The blocks of a plan over a stretch of days: what the participant attends each week of
 * it.
 */
public record WeeklyPlan(PlanStretch during, List<PlannedBlock> blocks) {

	public record PlannedBlock(long blockId, String title, WeeklySlot slot) {
	}

	public int plannedMinutes() {
		return blocks.stream().mapToInt(b -> b.slot().durationMinutes()).sum();
	}

	/**
	 * Nobody can sit in two rooms at once: chosen blocks may not share a minute of the
	 * week. The first two that do, or nothing.
	 */
	public Optional<Refusal> overlap() {
		for (int i = 0; i < blocks.size(); i++) {
			for (int j = i + 1; j < blocks.size(); j++) {
				PlannedBlock a = blocks.get(i);
				PlannedBlock b = blocks.get(j);
				if (a.slot().overlaps(b.slot())) {
					return Optional.of(Refusal.of(OVERLAP, "blockIds",
							"blocks " + a.blockId() + " (" + a.slot() + ") and " + b.blockId() + " (" + b.slot()
									+ ") overlap in time (" + during + ")",
							"blockId", a.blockId(), "otherBlockId", b.blockId(), "from", during.from(), "to",
							during.to()));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The level of care is defined by its dose: a plan must reach the program's weekly
	 * minimum. How far short it falls, or nothing.
	 */
	public Optional<Refusal> belowMinimum(int minimumWeeklyMinutes) {
		if (plannedMinutes() >= minimumWeeklyMinutes) {
			return Optional.empty();
		}
		return Optional.of(Refusal.of(BELOW_MINIMUM, "blockIds",
				"the plan gives " + plannedMinutes() + " minutes a week, below the program's minimum of "
						+ minimumWeeklyMinutes + " minutes (" + during + ")",
				"plannedMinutes", plannedMinutes(), "minimumMinutes", minimumWeeklyMinutes, "from", during.from(), "to",
				during.to()));
	}

	public void requireNoOverlap() {
		overlap().ifPresent(refusal -> {
			throw new Conflict(refusal);
		});
	}

	public void requireReaches(int minimumWeeklyMinutes) {
		belowMinimum(minimumWeeklyMinutes).ifPresent(refusal -> {
			throw new RuleViolation(refusal);
		});
	}

	static final String OVERLAP = "plan.overlap";

	static final String BELOW_MINIMUM = "plan.below-minimum";

}
