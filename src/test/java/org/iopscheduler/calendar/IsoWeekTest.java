package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.iopscheduler.system.InvalidInput;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

	@Test
	void theWeeksBetweenTwoWeeksIncludeBothAndNeverStepPastTheLastAcceptedWeek() {
		assertThat(IsoWeek.between(IsoWeek.parse("2026-W52"), IsoWeek.parse("2027-W02"))).containsExactly(
				IsoWeek.parse("2026-W52"), IsoWeek.parse("2026-W53"), IsoWeek.parse("2027-W01"),
				IsoWeek.parse("2027-W02"));
		assertThat(IsoWeek.between(IsoWeek.LAST.plusWeeks(-1), IsoWeek.LAST))
			.containsExactly(IsoWeek.LAST.plusWeeks(-1), IsoWeek.LAST);
		assertThat(IsoWeek.between(IsoWeek.parse("2027-W02"), IsoWeek.parse("2027-W01"))).isEmpty();
	}

	@Test
	void week48Of2026RunsFromMonday23To29November() {
		IsoWeek week = IsoWeek.parse("2026-W48");
		assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(week.sunday()).isEqualTo(LocalDate.of(2026, 11, 29));
		assertThat(week).hasToString("2026-W48");
	}

	/**
	 * Refusals describe a week in the shared kernel's words (AcceptedDates), which must
	 * name the weeks IsoWeek accepts.
	 */
	@Test
	void refusalsDescribeExactlyTheAcceptedWeeks() {
		assertThat(IsoWeek.DESCRIPTION)
			.isEqualTo("an ISO week as YYYY-Www from " + IsoWeek.FIRST + " to " + IsoWeek.LAST + ", e.g. 2026-W48")
			.isEqualTo("an ISO week as YYYY-Www from 1900-W01 to 2201-W01, e.g. 2026-W48");
	}

	@Test
	void theFirstIsoWeekMayStartInTheYearBefore() {
		assertThat(IsoWeek.parse("2026-W01").monday()).isEqualTo(LocalDate.of(2025, 12, 29));
		assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).isEqualTo(new IsoWeek(2026, 53));
	}

	@Test
	void aWeekStartsAtMondayMidnightInTheProgramsZone() {
		IsoWeek week = IsoWeek.parse("2026-W48");
		assertThat(week.start(ZoneId.of("America/New_York"))).isEqualTo(Instant.parse("2026-11-23T05:00:00Z"));
		assertThat(week.end(ZoneId.of("Europe/Berlin"))).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
	}

	@Test
	void theSameInstantFallsInDifferentWeeksInDifferentZones() {
		Instant sundayEveningInNewYork = Instant.parse("2026-11-30T03:00:00Z");
		assertThat(IsoWeek.containing(sundayEveningInNewYork, ZoneId.of("America/New_York")))
			.isEqualTo(IsoWeek.parse("2026-W48"));
		assertThat(IsoWeek.containing(sundayEveningInNewYork, ZoneId.of("Europe/London")))
			.isEqualTo(IsoWeek.parse("2026-W49"));
	}

	@Test
	void theWeekThatContainsTheUsClockChangeIsStillSevenDays() {
		IsoWeek week = IsoWeek.parse("2026-W45");
		ZoneId newYork = ZoneId.of("America/New_York");
		long hours = java.time.Duration.between(week.start(newYork), week.end(newYork)).toHours();
		assertThat(week.monday()).isEqualTo(LocalDate.of(2026, 11, 2));
		assertThat(hours).isEqualTo(7 * 24);
		IsoWeek clocksBack = IsoWeek.parse("2026-W44");
		assertThat(java.time.Duration.between(clocksBack.start(newYork), clocksBack.end(newYork)).toHours())
			.isEqualTo(7 * 24 + 1);
	}

	@Test
	void theFirstAndLastAcceptedDatesHaveTheirWeeks() {
		assertThat(IsoWeek.parse("1900-W01").monday()).isEqualTo(LocalDate.of(1900, 1, 1));
		assertThat(IsoWeek.of(LocalDate.of(2200, 12, 31))).isEqualTo(IsoWeek.LAST).hasToString("2201-W01");
		assertThat(IsoWeek.LAST.monday()).isEqualTo(LocalDate.of(2200, 12, 29));
	}

	@Nested
	class Refuses {

		@Test
		void textThatIsNotYearDashWeek() {
			assertThatThrownBy(() -> IsoWeek.parse("2026-48")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("YYYY-Www");
			assertThatThrownBy(() -> IsoWeek.parse(null)).isInstanceOf(InvalidInput.class);
		}

		/**
		 * The weeks that hold an accepted date (1900-01-01 to 2200-12-31); it used to be
		 * any year up to 9998.
		 */
		@Test
		void aWeekOutsideTheWeeksThatHoldAnAcceptedDate() {
			assertThatThrownBy(() -> IsoWeek.parse("1899-W52")).isInstanceOf(InvalidInput.class)
				.hasMessage("week: 1899-W52 is outside the weeks the service accepts, 1900-W01 to 2201-W01");
			assertThatThrownBy(() -> IsoWeek.parse("2201-W02")).isInstanceOf(InvalidInput.class)
				.hasMessageStartingWith("week:");
			assertThatThrownBy(() -> IsoWeek.parse("9998-W01")).isInstanceOf(InvalidInput.class)
				.hasMessageStartingWith("week:");
			assertThatThrownBy(() -> IsoWeek.of(LocalDate.of(2201, 1, 5))).isInstanceOf(InvalidInput.class);
		}

		@Test
		void aWeekNumberTheYearDoesNotHave() {
			assertThatThrownBy(() -> IsoWeek.parse("2025-W53")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("1 to 52");
			assertThatThrownBy(() -> IsoWeek.parse("2026-W00")).isInstanceOf(InvalidInput.class);
		}

	}

}
