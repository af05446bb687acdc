package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.iopscheduler.calendar.SessionHours.Span;

/**
 * The hours a program's sessions fill, shared by the calendar grid and the make-up free
 * times: whole hours around them, at least six.
 */
class SessionHoursTest {

	@Test
	void anEveningProgramIsWidenedBeforeItsFirstSession() {
		assertThat(hours(span("18:00", 180), span("17:00", 50))).isEqualTo(new SessionHours(15, 21));
	}

	@Test
	void aMorningProgramIsWidenedBackTo07AndThenAfter() {
		assertThat(hours(span("08:30", 180))).isEqualTo(new SessionHours(7, 13));
	}

	@Test
	void aLongDayIsShownWholeToTheHour() {
		assertThat(hours(span("08:15", 60), span("17:30", 100))).isEqualTo(new SessionHours(8, 20));
	}

	@Test
	void anEarlySessionIsNotCutOff() {
		assertThat(hours(span("05:30", 60))).isEqualTo(new SessionHours(5, 11));
	}

	@Test
	void aSessionPastMidnightEndsTheDayAt24() {
		assertThat(hours(span("21:00", 300))).isEqualTo(new SessionHours(18, 24));
	}

	@Test
	void aProgramWithoutSessionsHasOfficeHours() {
		assertThat(hours()).isEqualTo(new SessionHours(9, 17));
	}

	@Test
	void startsFitEveryStepAndEndByTheLastHour() {
		assertThat(new SessionHours(15, 21).startsFitting(120, 30)).first().isEqualTo(LocalTime.of(15, 0));
		assertThat(new SessionHours(15, 21).startsFitting(120, 30)).last().isEqualTo(LocalTime.of(19, 0));
		assertThat(new SessionHours(18, 24).startsFitting(60, 30)).last().isEqualTo(LocalTime.of(23, 0));
		assertThat(new SessionHours(15, 21).startsFitting(400, 30)).isEmpty();
	}

	private static SessionHours hours(Span... spans) {
		return SessionHours.of(List.of(spans));
	}

	private static Span span(String start, int minutes) {
		return new Span(LocalTime.parse(start), minutes);
	}

}
