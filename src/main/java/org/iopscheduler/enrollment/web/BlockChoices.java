package org.iopscheduler.enrollment.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.BlockVersion;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.enrollment.PlanPreview;
import org.iopscheduler.people.Names;
import org.iopscheduler.program.Program;
import org.iopscheduler.system.PageFormat;
import org.springframework.stereotype.Component;

/**
 * The blocks a coordinator can put in a plan from a date, as the enrol and plan-change
 * forms show them: title, day and time, counselor, room and places taken.
 */
@Component
@RequiredArgsConstructor
class BlockChoices {

	private final Blocks blocks;

	private final PlanPreview preview;

	private final Names names;

	record Choice(long id, BlockType type, String title, DayOfWeek dayOfWeek, String time, int durationMinutes,
			String counselor, String location, long taken, int capacity) {

		public boolean full() {
			return taken >= capacity;
		}

		/** "Process group, Monday 18:00–21:00" */
		public String words() {
			return title + ", " + PageFormat.dayName(dayOfWeek) + " " + time;
		}

	}

	List<Choice> from(Program program, LocalDate on) {
		List<WeeklyBlock> all = blocks.ofProgram(program.getId())
			.stream()
			.filter(b -> b.endsOn() == null || b.endsOn().isAfter(on))
			.toList();
		return choices(all, on);
	}

	/** The blocks by id as they stand on the date, for naming a plan's stretches. */
	Map<Long, Choice> named(Program program, Collection<Long> ids, LocalDate on) {
		Set<Long> wanted = Set.copyOf(ids);
		List<WeeklyBlock> chosen = blocks.ofProgram(program.getId())
			.stream()
			.filter(b -> wanted.contains(b.getId()))
			.toList();
		return choices(chosen, on).stream().collect(Collectors.toMap(Choice::id, c -> c));
	}

	private List<Choice> choices(List<WeeklyBlock> all, LocalDate on) {
		Map<Long, String> counselors = names
			.of(all.stream().map(b -> b.versionAround(on).getCounselorId()).distinct().toList());
		return all.stream().map(b -> {
			BlockVersion v = b.versionAround(on);
			return new Choice(b.getId(), b.getType(), b.getTitle(), v.getDayOfWeek(),
					PageFormat.time(v.getStartTime()) + "–" + PageFormat.time(v.slot().end()), v.getDurationMinutes(),
					counselors.get(v.getCounselorId()), v.getLocation(), preview.placesTaken(b, on), b.getCapacity());
		}).sorted(Comparator.comparing(Choice::dayOfWeek).thenComparing(Choice::time)).toList();
	}

}
