package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.iopscheduler.calendar.DoubleBooking.Clash;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A counselor is in one session at a time: the first date a new commitment meets an
 * existing one.
 */
class DoubleBookingTest {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	/** "Today" in the application tests: Wednesday 25 November 2026. */
	static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	static Commitment weekly(ZoneId zone, DayOfWeek day, String start, int minutes) {
		return weekly(zone, day, start, minutes, null, null);
	}

	static Commitment weekly(ZoneId zone, DayOfWeek day, String start, int minutes, LocalDate from, LocalDate to) {
		return Commitment.weekly("block " + day + " " + start, new WeeklySlot(day, LocalTime.parse(start), minutes),
				zone, from, to);
	}

	static Commitment newBlock(ZoneId zone, DayOfWeek day, String start, int minutes) {
		return weekly(zone, day, start, minutes, TODAY, null);
	}

	static Commitment once(ZoneId zone, LocalDate date, String start, int minutes) {
		return Commitment.once("session on " + date, date, LocalTime.parse(start), minutes, zone);
	}

	static Optional<LocalDate> firstClashDate(Commitment candidate, Commitment... existing) {
		return DoubleBooking.firstClash(candidate, List.of(existing)).map(c -> c.mine().date());
	}

	@Nested
	class InOneZone {

		@Test
		void blocksThatShareAMinuteClashOnTheFirstDateBothMeet() {
			assertThat(firstClashDate(newBlock(NEW_YORK, DayOfWeek.MONDAY, "20:00", 60),
					weekly(NEW_YORK, DayOfWeek.MONDAY, "18:00", 180)))
				.contains(LocalDate.of(2026, 11, 30));
		}

		@Test
		void backToBackMeetingsDoNotClash() {
			assertThat(firstClashDate(newBlock(NEW_YORK, DayOfWeek.MONDAY, "21:00", 60),
					weekly(NEW_YORK, DayOfWeek.MONDAY, "18:00", 180), weekly(NEW_YORK, DayOfWeek.MONDAY, "22:00", 60)))
				.isEmpty();
		}

		@Test
		void aMeetingRunningPastMidnightClashesWithTheNextMorning() {
			assertThat(firstClashDate(newBlock(NEW_YORK, DayOfWeek.SUNDAY, "23:00", 120),
					weekly(NEW_YORK, DayOfWeek.MONDAY, "00:30", 30)))
				.contains(LocalDate.of(2026, 11, 29));
		}

		@Test
		void theSpringForwardNightIsAnHourShorterInAbsoluteTime() {
			// 00:30 + 180 min on 8 March 2026 ends at 04:30 EDT, into a block that starts
			// at 04:00
			Commitment overnight = weekly(NEW_YORK, DayOfWeek.SUNDAY, "00:30", 180, LocalDate.of(2026, 3, 1), null);
			assertThat(firstClashDate(overnight, weekly(NEW_YORK, DayOfWeek.SUNDAY, "04:00", 60)))
				.contains(LocalDate.of(2026, 3, 8));
		}

	}

	@Nested
	class AcrossZones {

		@Test
		void slotsInDifferentZonesAreComparedInAbsoluteTime() {
			assertThat(firstClashDate(newBlock(NEW_YORK, DayOfWeek.MONDAY, "18:00", 120),
					weekly(CHICAGO, DayOfWeek.MONDAY, "17:00", 60)))
				.contains(LocalDate.of(2026, 11, 30));
			assertThat(firstClashDate(newBlock(NEW_YORK, DayOfWeek.MONDAY, "18:00", 120),
					weekly(CHICAGO, DayOfWeek.MONDAY, "16:00", 60)))
				.isEmpty();
		}

		@Test
		void newYorkAndLondonCollideInTheWeeksBetweenTheirSpringClockChanges() {
			// New York moves on 14 March 2027, London on 28 March: 13:00 there is 17:00
			// here for two Mondays
			Optional<Clash> clash = DoubleBooking.firstClash(newBlock(LONDON, DayOfWeek.MONDAY, "17:00", 60),
					List.of(weekly(NEW_YORK, DayOfWeek.MONDAY, "13:00", 60)));
			assertThat(clash).isPresent();
			assertThat(clash.get().mine().date()).isEqualTo(LocalDate.of(2027, 3, 15));
			assertThat(clash.get().theirs().date()).isEqualTo(LocalDate.of(2027, 3, 15));
			assertThat(clash.get().refusal(5).detail()).startsWith("counselorId: counselor 5 already facilitates block")
				.contains("on MONDAY 13:00-14:00 (America/New_York)", "first collide on 2027-03-15",
						"2027-03-15 13:00 -04:00", "2027-03-15 17:00 +00:00 (Europe/London)");
		}

		@Test
		void newYorkAndLondonCollideInTheWeekBetweenTheirAutumnClockChanges() {
			// London goes back on 31 October 2027, New York on 7 November
			Commitment fromApril = weekly(NEW_YORK, DayOfWeek.MONDAY, "13:00", 60, LocalDate.of(2027, 4, 1), null);
			assertThat(firstClashDate(fromApril, weekly(LONDON, DayOfWeek.MONDAY, "17:00", 60)))
				.contains(LocalDate.of(2027, 11, 1));
		}

		@Test
		void validitiesThatMissTheMismatchedWeeksDoNotClash() {
			Commitment summer = weekly(NEW_YORK, DayOfWeek.MONDAY, "13:00", 60, LocalDate.of(2027, 4, 1),
					LocalDate.of(2027, 10, 1));
			assertThat(firstClashDate(summer, weekly(LONDON, DayOfWeek.MONDAY, "17:00", 60))).isEmpty();
		}

		@Test
		void slotsThatNeverMeetInTenYearsPass() {
			assertThat(firstClashDate(newBlock(NEW_YORK, DayOfWeek.MONDAY, "13:00", 60),
					weekly(LONDON, DayOfWeek.MONDAY, "19:00", 60), weekly(LONDON, DayOfWeek.MONDAY, "16:00", 60)))
				.isEmpty();
		}

		@Test
		void aClashInOnlyOneSeasonCountsWhenOneZoneHasNoDaylightSaving() {
			// Phoenix keeps -07:00 all year: 15:00 there is 18:00 in New York only while
			// New York is on -04:00
			assertThat(firstClashDate(newBlock(NEW_YORK, DayOfWeek.MONDAY, "18:00", 60),
					weekly(PHOENIX, DayOfWeek.MONDAY, "15:00", 30)))
				.contains(LocalDate.of(2027, 3, 15));
		}

		@Test
		void aStartMovedOutOfTheSpringForwardGapIsMovedOnlyThatDay() {
			// 02:30 on 14 March 2027 is 03:00 EDT (07:00 UTC); a week later 02:30 EDT is
			// 06:30 UTC again
			Commitment small = weekly(NEW_YORK, DayOfWeek.SUNDAY, "02:30", 60, LocalDate.of(2027, 3, 1), null);
			assertThat(firstClashDate(small, weekly(ZoneId.of("UTC"), DayOfWeek.SUNDAY, "06:30", 30)))
				.contains(LocalDate.of(2027, 3, 21));
		}

		@Test
		void meetingsOnDifferentLocalDaysClashAcrossTheDateLine() {
			// Sunday 21:00 in Los Angeles (-08:00) is Monday 16:00 in Sydney (+11:00) in
			// the northern winter
			Optional<Clash> clash = DoubleBooking.firstClash(newBlock(LOS_ANGELES, DayOfWeek.SUNDAY, "21:00", 60),
					List.of(weekly(SYDNEY, DayOfWeek.MONDAY, "16:00", 60)));
			assertThat(clash.map(c -> c.mine().date())).contains(LocalDate.of(2026, 11, 29));
			assertThat(clash.map(c -> c.theirs().date())).contains(LocalDate.of(2026, 11, 30));
		}

	}

	@Nested
	class Validity {

		@Test
		void aBlockThatEndedHoldsNoTimeAfterItsLastDay() {
			Commitment ended = weekly(NEW_YORK, DayOfWeek.MONDAY, "18:00", 180, null, LocalDate.of(2026, 11, 30));
			assertThat(firstClashDate(newBlock(NEW_YORK, DayOfWeek.MONDAY, "18:00", 60), ended)).isEmpty();
		}

		@Test
		void aBlockThatStartsLaterClashesFromItsFirstDay() {
			Commitment later = weekly(NEW_YORK, DayOfWeek.MONDAY, "18:00", 180, LocalDate.of(2031, 6, 4), null);
			assertThat(firstClashDate(newBlock(NEW_YORK, DayOfWeek.MONDAY, "19:00", 60), later))
				.contains(LocalDate.of(2031, 6, 9));
		}

		@Test
		void theEarliestClashOfAllCommitmentsIsTheOneNamed() {
			Commitment fromFebruary = weekly(NEW_YORK, DayOfWeek.MONDAY, "18:00", 60, LocalDate.of(2027, 2, 1), null);
			Commitment fromJanuary = weekly(NEW_YORK, DayOfWeek.MONDAY, "18:30", 60, LocalDate.of(2027, 1, 4), null);
			Optional<Clash> clash = DoubleBooking.firstClash(newBlock(NEW_YORK, DayOfWeek.MONDAY, "18:00", 60),
					List.of(fromFebruary, fromJanuary));
			assertThat(clash.map(c -> c.mine().date())).contains(LocalDate.of(2027, 1, 4));
			assertThat(clash.map(Clash::other)).contains(fromJanuary);
		}

		@Test
		void aCandidateNeedsAFirstDay() {
			assertThatThrownBy(
					() -> DoubleBooking.firstClash(weekly(NEW_YORK, DayOfWeek.MONDAY, "18:00", 60), List.of()))
				.isInstanceOf(IllegalArgumentException.class);
		}

	}

	@Nested
	class OneOffs {

		@Test
		void aOneOffClashesWithTheWeeklyBlockMeetingThatDay() {
			Optional<Clash> clash = DoubleBooking.firstClash(once(NEW_YORK, LocalDate.of(2027, 2, 15), "18:30", 60),
					List.of(weekly(NEW_YORK, DayOfWeek.MONDAY, "18:00", 180)));
			assertThat(clash.map(c -> c.mine().date())).contains(LocalDate.of(2027, 2, 15));
			assertThat(clash.get().refusal(5).detail())
				.contains("already facilitates block MONDAY 18:00 on MONDAY 18:00-21:00");
		}

		@Test
		void aOneOffOnADayTheBlockDoesNotMeetPasses() {
			assertThat(firstClashDate(once(NEW_YORK, LocalDate.of(2027, 2, 16), "18:30", 60),
					weekly(NEW_YORK, DayOfWeek.MONDAY, "18:00", 180),
					weekly(NEW_YORK, DayOfWeek.MONDAY, "18:00", 180, LocalDate.of(2027, 3, 1), null)))
				.isEmpty();
		}

		@Test
		void aWeeklyBlockClashesWithAOneOffOnOneOfItsDates() {
			Optional<Clash> clash = DoubleBooking.firstClash(newBlock(LONDON, DayOfWeek.TUESDAY, "15:00", 60),
					List.of(once(NEW_YORK, LocalDate.of(2027, 1, 12), "10:30", 60)));
			assertThat(clash.map(c -> c.mine().date())).contains(LocalDate.of(2027, 1, 12));
			assertThat(clash.get().refusal(5).detail())
				.contains("already facilitates session on 2027-01-12 on 2027-01-12 10:30-11:30");
		}

		@Test
		void twoOneOffsInZonesADayApartClash() {
			// Monday 23:00 in Honolulu (-10:00) is Tuesday 18:00 in Tokyo (+09:00)
			assertThat(firstClashDate(once(ZoneId.of("Asia/Tokyo"), LocalDate.of(2027, 1, 12), "18:30", 60),
					once(ZoneId.of("Pacific/Honolulu"), LocalDate.of(2027, 1, 11), "23:00", 60)))
				.contains(LocalDate.of(2027, 1, 12));
		}

	}

}
