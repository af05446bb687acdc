package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.iopscheduler.calendar.IsoWeek;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The dose rules of the contract, each a sentence. Week 2026-W47: Monday 16 to Sunday 22
 * November.
 */
class WeeklyDoseTest {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final IsoWeek WEEK = IsoWeek.parse("2026-W47");

	static final LocalDate MONDAY = WEEK.monday();

	static final Instant WEEK_OVER = WEEK.end(NEW_YORK);

	/** A Monday/Wednesday/Thursday 18:00 evening IOP of 3 x 180 minutes. */
	static final LocalDate[] DAYS = { MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(3) };

	static SessionFact session(LocalDate day, int minutes, Integer attended) {
		return new SessionFact(day, day.atTime(LocalTime.of(18, 0)).atZone(NEW_YORK).toInstant(), minutes, false,
				attended);
	}

	static SessionFact cancelled(LocalDate day, int minutes) {
		return new SessionFact(day, day.atTime(LocalTime.of(18, 0)).atZone(NEW_YORK).toInstant(), minutes, true, null);
	}

	static WeeklyDose dose(List<SessionFact> sessions, Instant now) {
		return WeeklyDose.evaluate(WEEK, NEW_YORK, 540, MONDAY.minusWeeks(4), null, sessions, now);
	}

	static List<SessionFact> evening(Integer... attended) {
		List<SessionFact> sessions = new ArrayList<>();
		for (int i = 0; i < attended.length; i++) {
			sessions.add(session(DAYS[i], 180, attended[i]));
		}
		return sessions;
	}

	@Nested
	class TheMinimum {

		@Test
		void attending540Of540MinutesMeetsTheMinimum() {
			WeeklyDose dose = dose(evening(180, 180, 180), WEEK_OVER);
			assertThat(dose.status()).isEqualTo(DoseStatus.MET);
			assertThat(dose.attendedMinutes()).isEqualTo(540);
		}

		@Test
		void attending539MinutesIsUnderDosedOnceTheWeekIsOver() {
			WeeklyDose dose = dose(evening(180, 180, 179), WEEK_OVER);
			assertThat(dose.status()).isEqualTo(DoseStatus.UNDER_DOSED);
			assertThat(dose.explain()).isEqualTo("attended 539 of 540 minutes in 2026-W47: UNDER_DOSED");
		}

		@Test
		void theMinimumIsMetTheMomentItIsReachedEvenMidWeek() {
			List<SessionFact> four = new ArrayList<>(evening(180, 180, 180));
			four.add(session(MONDAY.plusDays(5), 90, null));
			assertThat(dose(four, MONDAY.plusDays(4).atStartOfDay(NEW_YORK).toInstant()).status())
				.isEqualTo(DoseStatus.MET);
		}

		@Test
		void theWeekEndsAtMondayMidnightInTheProgramsZoneNotInUtc() {
			Instant sundayNightInNewYork = WEEK_OVER.minusSeconds(60);
			assertThat(dose(evening(180, 180, 0), sundayNightInNewYork).status()).isEqualTo(DoseStatus.AT_RISK);
			assertThat(dose(evening(180, 180, 0), WEEK_OVER).status()).isEqualTo(DoseStatus.UNDER_DOSED);
		}

	}

	@Nested
	class Marks {

		@Test
		void anExcusedAbsenceCountsNoMinutesButIsNotUnmarked() {
			WeeklyDose dose = dose(evening(180, 180, 0), WEEK_OVER);
			assertThat(dose.attendedMinutes()).isEqualTo(360);
			assertThat(dose.unmarkedSessions()).isZero();
			assertThat(dose.status()).isEqualTo(DoseStatus.UNDER_DOSED);
		}

		@Test
		void aStartedSessionWithoutAMarkIsUnmarkedAndCountsNothing() {
			WeeklyDose dose = dose(evening(180, null, 180), WEEK_OVER);
			assertThat(dose.unmarkedSessions()).isEqualTo(1);
			assertThat(dose.attendedMinutes()).isEqualTo(360);
			assertThat(dose.scheduledMinutes()).isEqualTo(540);
		}

		@Test
		void aSessionNotYetStartedIsNeitherUnmarkedNorAttended() {
			Instant tuesday = MONDAY.plusDays(1).atStartOfDay(NEW_YORK).toInstant();
			WeeklyDose dose = dose(evening(180, null, null), tuesday);
			assertThat(dose.unmarkedSessions()).isZero();
			assertThat(dose.attendedMinutes()).isEqualTo(180);
		}

		@Test
		void daysAttendedAndDaysOfThreeHoursAreCountedForPayers() {
			WeeklyDose dose = dose(evening(180, 150, 0), WEEK_OVER);
			assertThat(dose.daysAttended()).isEqualTo(2);
			assertThat(dose.daysOfThreeHours()).isEqualTo(1);
		}

	}

	@Nested
	class Cancellations {

		@Test
		void aCancelledSessionIsNotScheduled() {
			List<SessionFact> sessions = evening(180, 180);
			sessions.add(cancelled(DAYS[2], 180));
			WeeklyDose dose = dose(sessions, WEEK_OVER);
			assertThat(dose.scheduledMinutes()).isEqualTo(360);
			assertThat(dose.unmarkedSessions()).isZero();
		}

		@Test
		void aCancelledSessionDoesNotExcuseTheMinimum() {
			List<SessionFact> sessions = evening(180, 180);
			sessions.add(cancelled(DAYS[2], 180));
			assertThat(dose(sessions, WEEK_OVER).status()).isEqualTo(DoseStatus.UNDER_DOSED);
		}

	}

	@Nested
	class PartialWeeks {

		@Test
		void anEnrollmentStartingAfterMondayIsAPartialFirstWeek() {
			WeeklyDose dose = WeeklyDose.evaluate(WEEK, NEW_YORK, 540, MONDAY.plusDays(1), null, evening(0, 180, 180),
					WEEK_OVER);
			assertThat(dose.status()).isEqualTo(DoseStatus.PARTIAL_WEEK);
		}

		@Test
		void anEnrollmentEndingBeforeSundayIsAPartialLastWeek() {
			WeeklyDose dose = WeeklyDose.evaluate(WEEK, NEW_YORK, 540, MONDAY.minusWeeks(8), WEEK.sunday().minusDays(1),
					evening(180, 180, 180), WEEK_OVER);
			assertThat(dose.status()).isEqualTo(DoseStatus.PARTIAL_WEEK);
		}

		@Test
		void anEnrollmentStartingOnMondayAndEndingOnSundayCoversTheWholeWeek() {
			WeeklyDose dose = WeeklyDose.evaluate(WEEK, NEW_YORK, 540, MONDAY, WEEK.sunday(), evening(180, 180, 180),
					WEEK_OVER);
			assertThat(dose.status()).isEqualTo(DoseStatus.MET);
		}

		@Test
		void partialWeekWinsOverMet() {
			WeeklyDose dose = WeeklyDose.evaluate(WEEK, NEW_YORK, 540, MONDAY.plusDays(2), null, evening(180, 180, 180),
					WEEK_OVER);
			assertThat(dose.status()).isEqualTo(DoseStatus.PARTIAL_WEEK);
		}

	}

	@Nested
	class WeekInProgress {

		@Test
		void onTrackWhileTheSessionsStillToComeCanReachTheMinimum() {
			Instant tuesday = MONDAY.plusDays(1).atStartOfDay(NEW_YORK).toInstant();
			assertThat(dose(evening(180, null, null), tuesday).status()).isEqualTo(DoseStatus.ON_TRACK);
		}

		@Test
		void atRiskWhenEvenFullAttendanceOfTheRestCannotReachIt() {
			Instant tuesday = MONDAY.plusDays(1).atStartOfDay(NEW_YORK).toInstant();
			assertThat(dose(evening(0, null, null), tuesday).status()).isEqualTo(DoseStatus.AT_RISK);
		}

		@Test
		void anUnmarkedStartedSessionNoLongerCountsAsStillToCome() {
			Instant thursdayMorning = MONDAY.plusDays(3).atStartOfDay(NEW_YORK).toInstant();
			assertThat(dose(evening(180, null, null), thursdayMorning).status()).isEqualTo(DoseStatus.AT_RISK);
		}

	}

}
