package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import org.iopscheduler.calendar.DoubleBooking.Clash;

/**
 * The walk (nearest meeting of the other only, from clock change to clock change) finds
 * the same first clash as comparing every meeting of the candidate with every meeting of
 * every other commitment, date by date, over a year, for random slots in zones with all
 * kinds of clock changes.
 */
class DoubleBookingPropertiesTest {

	static final LocalDate YEAR = LocalDate.of(2027, 1, 1);

	/**
	 * Northern and southern daylight saving, none, half and quarter hours, 30-minute DST,
	 * +14 and -11.
	 */
	static final List<String> ZONES = List.of("America/New_York", "Europe/London", "America/Phoenix",
			"America/Los_Angeles", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham",
			"Asia/Kolkata", "Asia/Kathmandu", "America/St_Johns", "Pacific/Kiritimati", "Pacific/Pago_Pago",
			"America/Santiago", "Africa/Casablanca", "UTC");

	/**
	 * A candidate and the counselor's commitments, some of them placed around the
	 * candidate's moments.
	 */
	record Case(Commitment candidate, List<Commitment> commitments) {
	}

	@Property(tries = 1000)
	void theWalkFindsTheFirstClashThatComparingEveryPairOfDatesFinds(@ForAll("cases") Case example) {
		Optional<Clash> walked = DoubleBooking.firstClash(example.candidate(), example.commitments());
		Optional<LocalDate> brute = bruteForceFirstClash(example.candidate(), example.commitments());
		Statistics.collect(brute.isPresent() ? "clash" : "free");
		assertThat(walked.map(c -> c.mine().date())).isEqualTo(brute);
		walked.ifPresent(clash -> {
			assertThat(clash.mine().overlaps(clash.theirs())).isTrue();
			assertThat(clash.other().meetsOn(clash.theirs().date())).isTrue();
		});
	}

	/**
	 * Every meeting of the candidate against every meeting of the others from a week
	 * before its first day to a week after its last (meetings that share a moment lie at
	 * most two days apart).
	 */
	static Optional<LocalDate> bruteForceFirstClash(Commitment candidate, List<Commitment> commitments) {
		List<Instant[]> theirs = new ArrayList<>();
		for (Commitment other : commitments) {
			for (LocalDate date = candidate.from().minusDays(7); date
				.isBefore(candidate.to().plusDays(7)); date = date.plusDays(1)) {
				boolean valid = (other.from() == null || !date.isBefore(other.from()))
						&& (other.to() == null || date.isBefore(other.to()));
				if (valid && date.getDayOfWeek() == other.slot().day()) {
					theirs.add(moments(date, other));
				}
			}
		}
		for (LocalDate date = candidate.from(); date.isBefore(candidate.to()); date = date.plusDays(1)) {
			if (date.getDayOfWeek() != candidate.slot().day()) {
				continue;
			}
			Instant[] mine = moments(date, candidate);
			for (Instant[] other : theirs) {
				if (mine[0].isBefore(other[1]) && other[0].isBefore(mine[1])) {
					return Optional.of(date);
				}
			}
		}
		return Optional.empty();
	}

	static Instant[] moments(LocalDate date, Commitment commitment) {
		Instant start = WallTime.at(date, commitment.slot().start(), commitment.zone()).toInstant();
		return new Instant[] { start, start.plusSeconds(commitment.slot().durationMinutes() * 60L) };
	}

	@Provide
	Arbitrary<Commitment> candidates() {
		Arbitrary<Commitment> weekly = Combinators
			.combine(slots(), zones(), Arbitraries.integers().between(0, 365), Arbitraries.integers().between(1, 370))
			.as((slot, zone, start, days) -> Commitment.weekly("candidate", slot, zone, YEAR.plusDays(start),
					YEAR.plusDays(start + days)));
		return Arbitraries.oneOf(weekly, once(), atAClockChange(), atAClockChange());
	}

	/**
	 * A weekly slot starting around one of its zone's clock changes of the year (inside
	 * the skipped or the repeated hour, or just before or after), valid from a few weeks
	 * before it for up to a year.
	 */
	Arbitrary<Commitment> atAClockChange() {
		return Combinators
			.combine(zones(), Arbitraries.integers().between(0, 3), Arbitraries.integers().between(-60, 90),
					Arbitraries.integers().between(1, 720), Arbitraries.integers().between(0, 6),
					Arbitraries.integers().between(7, 370))
			.as((zone, which, minutes, duration, weeksBefore, days) -> {
				ZoneOffsetTransition change = zone.getRules().nextTransition(YEAR.atStartOfDay(zone).toInstant());
				for (int i = 0; i < which && change != null; i++) {
					change = zone.getRules().nextTransition(change.getInstant());
				}
				LocalDateTime local = change == null ? YEAR.atTime(2, 30)
						: change.getDateTimeBefore().plusMinutes(minutes);
				LocalDate from = local.toLocalDate().minusWeeks(weeksBefore);
				return Commitment.weekly("candidate",
						new WeeklySlot(local.getDayOfWeek(), local.toLocalTime(), duration), zone, from,
						from.plusDays(days));
			});
	}

	@Provide
	Arbitrary<Case> cases() {
		return candidates().flatMap(candidate -> Arbitraries.oneOf(anywhere(), near(candidate), near(candidate))
			.list()
			.ofMinSize(1)
			.ofMaxSize(4)
			.map(commitments -> new Case(candidate, commitments)));
	}

	Arbitrary<Commitment> anywhere() {
		Arbitrary<LocalDate> from = Arbitraries.integers().between(-30, 400).map(YEAR::plusDays).injectNull(0.3);
		Arbitrary<Integer> length = Arbitraries.integers().between(1, 400).injectNull(0.3);
		Arbitrary<Commitment> weekly = Combinators.combine(slots(), zones(), from, length)
			.as((slot, zone, start, days) -> Commitment.weekly("block", slot, zone, start,
					days == null ? null : (start == null ? YEAR : start).plusDays(days)));
		return Arbitraries.oneOf(weekly, weekly, once());
	}

	/**
	 * A block in another zone at the candidate's moment on one of its dates, moved by up
	 * to two hours: whether it clashes then depends on which clock changes lie between
	 * that date and the others.
	 */
	Arbitrary<Commitment> near(Commitment candidate) {
		LocalDate first = candidate.from().with(TemporalAdjusters.nextOrSame(candidate.slot().day()));
		long weeks = Math.max(1, first.until(candidate.to(), ChronoUnit.WEEKS));
		return Combinators
			.combine(zones(), Arbitraries.longs().between(0, weeks - 1), Arbitraries.integers().between(-120, 120),
					Arbitraries.integers().between(1, 240), Arbitraries.of(true, false))
			.as((zone, week, shift, minutes, weekly) -> {
				LocalDate date = first.plusWeeks(week);
				LocalDateTime there = WallTime.at(date, candidate.slot().start(), candidate.zone())
					.withZoneSameInstant(zone)
					.toLocalDateTime()
					.plusMinutes(shift);
				return weekly
						? Commitment.weekly("block", new WeeklySlot(there.getDayOfWeek(), there.toLocalTime(), minutes),
								zone, null, null)
						: Commitment.once("session", there.toLocalDate(), there.toLocalTime(), minutes, zone);
			});
	}

	Arbitrary<Commitment> once() {
		return Combinators.combine(slots(), zones(), Arbitraries.integers().between(-10, 380)).as((slot, zone, day) -> {
			LocalDate date = YEAR.plusDays(day);
			return Commitment.once("session", date, slot.start(), slot.durationMinutes(), zone);
		});
	}

	Arbitrary<WeeklySlot> slots() {
		// small hours and Sundays often: when clocks change (and starts move out of the
		// gap)
		Arbitrary<Integer> minute = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.integers().between(0, 24 * 60 - 1)),
				Tuple.of(1, Arbitraries.integers().between(0, 4 * 60)));
		Arbitrary<DayOfWeek> days = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(DayOfWeek.class)),
				Tuple.of(1, Arbitraries.of(DayOfWeek.SUNDAY)));
		return Combinators.combine(days, minute, Arbitraries.integers().between(1, 720))
			.as((day, start, minutes) -> new WeeklySlot(day, LocalTime.of(start / 60, start % 60), minutes));
	}

	Arbitrary<ZoneId> zones() {
		return Arbitraries.of(ZONES).map(ZoneId::of);
	}

}
