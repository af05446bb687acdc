package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.system.Refusal;

/**
 * Capacity is a property of each session, not of the whole span: a group of 2 where A
 * leaves before B arrives still has a place for C, who never sits with more than one of
 * them. A block is full for a newcomer when some session date they would attend already
 * has {@code capacity} participants on its roster. Rosters only change where a holding
 * starts or ends, so the days are cut there and each piece is looked at once, however
 * long the span (open-ended included).
 */
final class SessionPlaces {

	/**
	 * The first session the newcomer would attend that is already full, and how many sit
	 * in it.
	 */
	record FullSession(LocalDate date, int taken) {

		/**
		 * A group holds as many as its capacity: the newcomer's refusal, with the
		 * numbers.
		 */
		Refusal refusal(WeeklyBlock block) {
			return Refusal.of("plan.block-full", "blockIds",
					"block " + block.getId() + " '" + block.getTitle() + "' is full on " + date + ": " + taken + " of "
							+ block.getCapacity() + " places are taken",
					"blockId", block.getId(), "date", date, "placesTaken", taken, "capacity", block.getCapacity());
		}

	}

	private SessionPlaces() {
	}

	static Optional<FullSession> firstFull(WeeklyBlock block, List<Days> wanted, List<Days> taken) {
		return firstWithAtLeast(block, wanted, taken, block.getCapacity());
	}

	/**
	 * The most participants already on one session of the block within the days (0 when
	 * none).
	 */
	static int mostTaken(WeeklyBlock block, Days days, List<Days> taken) {
		TreeSet<LocalDate> cuts = cuts(List.of(days), taken);
		int most = 0;
		for (LocalDate from : cuts) {
			int count = count(taken, from);
			if (count > most && days.contains(from) && firstMeeting(block, from, cuts.higher(from)).isPresent()) {
				most = count;
			}
		}
		return most;
	}

	private static Optional<FullSession> firstWithAtLeast(WeeklyBlock block, List<Days> wanted, List<Days> taken,
			int capacity) {
		TreeSet<LocalDate> cuts = cuts(wanted, taken);
		for (LocalDate from : cuts) {
			if (wanted.stream().noneMatch(d -> d.contains(from))) {
				continue;
			}
			int count = count(taken, from);
			if (count < capacity) {
				continue;
			}
			Optional<LocalDate> meeting = firstMeeting(block, from, cuts.higher(from));
			if (meeting.isPresent()) {
				return Optional.of(new FullSession(meeting.get(), count));
			}
		}
		return Optional.empty();
	}

	/**
	 * Every day on which the wanted days or a roster begin or end: the count is constant
	 * between two.
	 */
	private static TreeSet<LocalDate> cuts(List<Days> wanted, List<Days> taken) {
		TreeSet<LocalDate> cuts = new TreeSet<>();
		for (List<Days> list : List.of(wanted, taken)) {
			for (Days days : list) {
				cuts.add(days.from());
				if (days.to() != null) {
					cuts.add(days.to().plusDays(1));
				}
			}
		}
		return cuts;
	}

	private static int count(List<Days> taken, LocalDate date) {
		return (int) taken.stream().filter(d -> d.contains(date)).count();
	}

	/**
	 * The block's first session on or after {@code from} and before {@code until} (null:
	 * no limit).
	 */
	private static Optional<LocalDate> firstMeeting(WeeklyBlock block, LocalDate from, LocalDate until) {
		return block.firstMeetingFrom(from).filter(date -> until == null || date.isBefore(until));
	}

}
