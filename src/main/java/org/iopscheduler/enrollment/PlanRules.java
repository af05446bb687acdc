package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.iopscheduler.calendar.BlockVersion;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.enrollment.WeeklyPlan.PlannedBlock;
import org.iopscheduler.program.Program;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.RuleViolation;

/**
 * The rules every stretch of a plan must pass, checked over every day it covers: a plan's
 * blocks may not overlap and must reach the program's weekly minimum. A stretch is cut
 * wherever one of its blocks changes (a scheduled change of time or duration, the block's
 * end), so a plan that reaches 540 minutes today but only 360 after a block ends next
 * month is refused, naming that stretch.
 */
final class PlanRules {

	private PlanRules() {
	}

	/**
	 * The chosen blocks must belong to the program and still meet on the stretch's first
	 * day.
	 */
	static void requireBlocksOfProgram(Program program, PlanStretch stretch, Map<Long, WeeklyBlock> blocks) {
		for (Long id : stretch.blockIds()) {
			WeeklyBlock block = blocks.get(id);
			if (block == null || !block.getProgramId().equals(program.getId())) {
				throw new InvalidInput("blockIds: " + id + " is not a block of program " + program.getId());
			}
			if (block.endsOn() != null && !block.endsOn().isAfter(stretch.from())) {
				throw new RuleViolation("blockIds: block " + id + " '" + block.getTitle() + "' ended on "
						+ block.endsOn().minusDays(1));
			}
		}
	}

	/** Every part of every stretch, each as the weekly plan it is on its first day. */
	static List<WeeklyPlan> weeklyPlans(List<PlanStretch> stretches, Map<Long, WeeklyBlock> blocks) {
		List<WeeklyPlan> plans = new ArrayList<>();
		for (PlanStretch stretch : stretches) {
			TreeSet<LocalDate> cuts = new TreeSet<>();
			cuts.add(stretch.from());
			for (Long id : stretch.blockIds()) {
				for (BlockVersion version : blocks.get(id).getVersions()) {
					cut(cuts, stretch, version.getValidFrom());
					cut(cuts, stretch, version.getValidTo());
				}
			}
			for (LocalDate from : cuts) {
				LocalDate next = cuts.higher(from);
				PlanStretch part = new PlanStretch(from, next == null ? stretch.to() : next.minusDays(1),
						stretch.blockIds());
				List<PlannedBlock> planned = new ArrayList<>();
				for (Long id : stretch.blockIds()) {
					WeeklyBlock block = blocks.get(id);
					block.versionOn(from).ifPresent(v -> planned.add(new PlannedBlock(id, block.getTitle(), v.slot())));
				}
				plans.add(new WeeklyPlan(part, planned));
			}
		}
		return plans;
	}

	/** No overlap and the minimum, on every part of every stretch. */
	static void requireValid(List<PlanStretch> stretches, Map<Long, WeeklyBlock> blocks, int minimumWeeklyMinutes) {
		for (WeeklyPlan plan : weeklyPlans(stretches, blocks)) {
			plan.requireNoOverlap();
			plan.requireReaches(minimumWeeklyMinutes);
		}
	}

	private static void cut(TreeSet<LocalDate> cuts, PlanStretch stretch, LocalDate date) {
		if (date != null && date.isAfter(stretch.from()) && stretch.contains(date)) {
			cuts.add(date);
		}
	}

}
