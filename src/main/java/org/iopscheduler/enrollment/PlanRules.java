package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.iopscheduler.calendar.BlockVersion;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.enrollment.WeeklyPlan.PlannedBlock;
import org.iopscheduler.program.Program;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;
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
			notOfProgram(program, id, blocks.get(id)).ifPresent(refusal -> {
				throw new InvalidInput(refusal);
			});
			ended(stretch, id, blocks.get(id)).ifPresent(refusal -> {
				throw new RuleViolation(refusal);
			});
		}
	}

	/**
	 * Everything that refuses a plan of these blocks over the stretch, in the order
	 * enrolling checks it: blocks of another program or already ended, then overlap and
	 * the minimum on every part of the stretch. Empty when the plan passes. Previews ask
	 * this; enrolling throws the first.
	 */
	static List<Refusal> check(Program program, PlanStretch stretch, Map<Long, WeeklyBlock> blocks) {
		List<Refusal> refusals = new ArrayList<>();
		for (Long id : stretch.blockIds()) {
			notOfProgram(program, id, blocks.get(id)).ifPresent(refusals::add);
			ended(stretch, id, blocks.get(id)).ifPresent(refusals::add);
		}
		if (!refusals.isEmpty()) {
			return refusals;
		}
		for (WeeklyPlan plan : weeklyPlans(List.of(stretch), blocks)) {
			plan.overlap().ifPresent(refusals::add);
			plan.belowMinimum(program.getMinimumWeeklyMinutes()).ifPresent(refusals::add);
		}
		return refusals;
	}

	/** A plan is made of its own program's blocks. */
	private static Optional<Refusal> notOfProgram(Program program, Long id, WeeklyBlock block) {
		if (block != null && block.getProgramId().equals(program.getId())) {
			return Optional.empty();
		}
		return Optional.of(Refusal.of("plan.block-of-another-program", "blockIds",
				id + " is not a block of program " + program.getId(), "blockId", id, "programId", program.getId()));
	}

	/** A block that has ended can no longer be chosen. */
	private static Optional<Refusal> ended(PlanStretch stretch, Long id, WeeklyBlock block) {
		if (block == null || block.endsOn() == null || block.endsOn().isAfter(stretch.from())) {
			return Optional.empty();
		}
		LocalDate lastDay = block.endsOn().minusDays(1);
		return Optional.of(Refusal.of("plan.block-ended", "blockIds",
				"block " + id + " '" + block.getTitle() + "' ended on " + lastDay, "blockId", id, "lastDay", lastDay,
				"from", stretch.from()));
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
