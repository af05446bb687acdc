package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.internal.DatedSessionRepository;
import org.iopscheduler.system.FactWords;
import org.iopscheduler.system.PageFormat;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A refusal's blocks and sessions as a coordinator knows them: "Process group, Mondays
 * 18:00-21:00" (the block as it stood on the refusal's date), "Process group on Thu 3
 * Dec".
 */
@Component
@RequiredArgsConstructor
class CalendarWords implements FactWords {

	private static final Set<String> BLOCK_FACTS = Set.of("blockId", "otherBlockId");

	/** The facts whose date says which version of a block is meant, first found wins. */
	private static final String[] ON = { "date", "from", "lastDay" };

	private final WeeklyBlockRepository blocks;

	private final DatedSessionRepository sessions;

	@Override
	@Transactional(readOnly = true)
	public Optional<String> words(String fact, Object value, Map<String, Object> facts) {
		if (!(value instanceof Number id)) {
			return Optional.empty();
		}
		if (BLOCK_FACTS.contains(fact)) {
			return blocks.findWithVersions(id.longValue()).map(block -> block(block, on(facts)));
		}
		if ("sessionId".equals(fact)) {
			return sessions.findById(id.longValue())
				.map(s -> s.getTitle() + " on " + PageFormat.day(s.getDate()) + " "
						+ PageFormat.time(s.getStartTime()));
		}
		return Optional.empty();
	}

	static String block(WeeklyBlock block, LocalDate on) {
		WeeklySlot slot = (on == null ? block.sorted().get(block.sorted().size() - 1) : block.versionAround(on)).slot();
		return block.getTitle() + ", " + PageFormat.dayName(slot.day()) + "s " + PageFormat.time(slot.start()) + "-"
				+ PageFormat.time(slot.end());
	}

	private static LocalDate on(Map<String, Object> facts) {
		for (String name : ON) {
			Object value = facts.get(name);
			if (value != null && String.valueOf(value).matches("\\d{4}-\\d{2}-\\d{2}")) {
				return LocalDate.parse(String.valueOf(value));
			}
		}
		return null;
	}

}
