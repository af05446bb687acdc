package org.iopscheduler.enrollment;

import java.util.List;

import org.iopscheduler.calendar.WeeklySlot;
import org.iopscheduler.system.Conflict;
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
	 * week.
	 */
	public void requireNoOverlap() {
		for (int i = 0; i < blocks.size(); i++) {
			for (int j = i + 1; j < blocks.size(); j++) {
				PlannedBlock a = blocks.get(i);
				PlannedBlock b = blocks.get(j);
				if (a.slot().overlaps(b.slot())) {
					throw new Conflict("blockIds: blocks " + a.blockId() + " (" + a.slot() + ") and " + b.blockId()
							+ " (" + b.slot() + ") overlap in time (" + during + ")");
				}
			}
		}
	}

	/**
	 * The level of care is defined by its dose: a plan must reach the program's weekly
	 * minimum.
	 */
	public void requireReaches(int minimumWeeklyMinutes) {
		if (plannedMinutes() < minimumWeeklyMinutes) {
			throw new RuleViolation(
					"blockIds: the plan gives " + plannedMinutes() + " minutes a week, below the program's minimum of "
							+ minimumWeeklyMinutes + " minutes (" + during + ")");
		}
	}

}
