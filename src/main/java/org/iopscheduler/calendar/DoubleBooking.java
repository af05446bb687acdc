package org.iopscheduler.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.iopscheduler.calendar.Commitment.Occurrence;
import org.iopscheduler.system.Refusal;

/**
 * A counselor is in one session at a time, in any program and zone: a new commitment may
 * not share a moment with an existing one on any date both meet. The candidate's dates
 * are walked in absolute time, each against the other's meeting nearest to it, looking
 * again after every clock change of either zone, so the weeks when only one side has
 * changed are seen (New York and London meet differently for the two or three weeks
 * between their spring changes and the week between their autumn ones).
 * <p>
 * Open-ended validities are compared for {@link #HORIZON} after the later of the two
 * starts. Past the tz data's listed transitions a zone repeats its yearly rules, and
 * nearly all of them are tied to a weekday (second Sunday of March, last Sunday of
 * October), so the weeks when only one zone has changed come every year and a pair that
 * ever collides does so within a year of the later start. Ten years leave room for the
 * changes governments have announced (they are in the tz data) and outlast any block's
 * planning. A rule tied to a calendar date can take up to twelve years to fall on every
 * weekday: a pair that collides only in such a year is the one case the horizon may miss.
 */
final class DoubleBooking {

	static final Period HORIZON = Period.ofYears(10);

	private static final int SECONDS_PER_WEEK = WeeklySlot.MINUTES_PER_WEEK * 60;

	/**
	 * Days either side of a date where a meeting sharing a moment with one on that date
	 * may lie.
	 */
	private static final int REACH_DAYS = 3;

	private static final long NEVER = Long.MAX_VALUE;

	private DoubleBooking() {
	}

	/**
	 * Two meetings that share a moment: the candidate's and the existing commitment's.
	 */
	record Clash(Commitment candidate, Occurrence mine, Commitment other, Occurrence theirs) {

		static final Comparator<Clash> EARLIEST = Comparator.comparing((Clash c) -> c.mine().start().toInstant())
			.thenComparing(c -> c.theirs().start().toInstant());

		/**
		 * Names the other commitment, its zone and local time, and the first date they
		 * collide.
		 */
		Refusal refusal(long counselorId) {
			return Refusal.of("counselor.double-booked", "counselorId",
					"counselor " + counselorId + " already facilitates " + other.what() + " " + other.when() + " ("
							+ other.zone() + "); they first collide on " + mine.date() + ": it meets " + theirs
							+ ", this one " + mine + " (" + candidate.zone() + ")",
					"counselorId", counselorId, "date", mine.date(), "otherTitle", other.title(), "otherOn",
					other.once() ? other.from() : other.slot().day(), "otherStart", other.slot().start(), "otherEnd",
					other.slot().end(), "otherZone", other.zone().getId(), "start", mine.start().toLocalTime(), "end",
					mine.end().toLocalTime());
		}

	}

	/**
	 * The clash of the candidate's earliest meeting that meets one of the commitments at
	 * the same moment. The candidate needs a first day: the past before it is not being
	 * booked.
	 */
	static Optional<Clash> firstClash(Commitment candidate, Collection<Commitment> commitments) {
		if (candidate.from() == null) {
			throw new IllegalArgumentException("the candidate " + candidate.what() + " needs a first day");
		}
		Clash first = null;
		for (Commitment other : commitments) {
			Clash clash = firstClash(candidate, other, first == null ? null : first.mine().date());
			if (clash != null && (first == null || Clash.EARLIEST.compare(clash, first) < 0)) {
				first = clash;
			}
		}
		return Optional.ofNullable(first);
	}

	/**
	 * Walks the candidate's dates that could meet the other's, up to {@code notAfter}
	 * when given.
	 */
	private static Clash firstClash(Commitment candidate, Commitment other, LocalDate notAfter) {
		LocalDate from = candidate.from();
		LocalDate laterStart = from;
		if (other.from() != null) {
			from = latest(from, other.from().minusDays(REACH_DAYS));
			laterStart = latest(laterStart, other.from());
		}
		LocalDate to = laterStart.plus(HORIZON);
		if (candidate.to() != null) {
			to = earliest(to, candidate.to());
		}
		if (other.to() != null) {
			to = earliest(to, other.to().plusDays(REACH_DAYS));
		}
		if (notAfter != null) {
			to = earliest(to, notAfter.plusDays(1));
		}
		if (!from.isBefore(to)) {
			return null;
		}
		LocalDate date = from.with(TemporalAdjusters.nextOrSame(candidate.slot().day()));
		while (date.isBefore(to)) {
			LocalDate theirDate = other.nearest(date);
			if (!other.meetsOn(theirDate)) {
				date = date.plusWeeks(1);
				continue;
			}
			Occurrence mine = candidate.on(date);
			Occurrence theirs = other.on(theirDate);
			if (mine.overlaps(theirs)) {
				return new Clash(candidate, mine, other, theirs);
			}
			long weeks = weeksWithTheSameOffsets(candidate, mine, other, theirs);
			if (weeks == NEVER) {
				return null;
			}
			date = date.plusWeeks(weeks);
		}
		return null;
	}

	/**
	 * Until either zone changes its clocks, each next meeting of both is exactly a week
	 * later, so the two stay as far apart as they are now: the next week worth looking at
	 * is the first one on or after a clock change of either zone. A weekly pair is looked
	 * at a few times a year, not 52 times; zones that never change again ({@link #NEVER})
	 * never meet later either.
	 */
	private static long weeksWithTheSameOffsets(Commitment candidate, Occurrence mine, Commitment other,
			Occurrence theirs) {
		return Math.min(weeksUntilChange(candidate.zone().getRules(), mine.start().toInstant()),
				weeksUntilChange(other.zone().getRules(), theirs.start().toInstant()));
	}

	/**
	 * How many weeks on the first meeting at or after the zone's next clock change is (at
	 * least one). A change at the start itself counts: a start moved out of a
	 * spring-forward gap sits on the change, and the week after it is not moved.
	 */
	private static long weeksUntilChange(ZoneRules rules, Instant start) {
		ZoneOffsetTransition change = rules.nextTransition(start.minusSeconds(1));
		if (change == null) {
			return NEVER;
		}
		long seconds = change.getInstant().getEpochSecond() - start.getEpochSecond();
		return Math.max(1, -Math.floorDiv(-seconds, SECONDS_PER_WEEK));
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate earliest(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
