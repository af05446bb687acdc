package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Sessions keep their local wall time across clock changes; their offset follows the
 * date.
 */
class DaylightSavingTest {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static DatedSession session(LocalDate date, String start, int minutes) {
		return DatedSession.makeUp(template(), date,
				new WeeklySlot(date.getDayOfWeek(), LocalTime.parse(start), minutes), "Group", 1L,
				Location.of("Room 1", null), Set.of(), Instant.EPOCH);
	}

	static DatedSession template() {
		DatedSession template = org.springframework.beans.BeanUtils.instantiateClass(DatedSession.class);
		org.springframework.test.util.ReflectionTestUtils.setField(template, "type", BlockType.GROUP);
		org.springframework.test.util.ReflectionTestUtils.setField(template, "programId", 1L);
		return template;
	}

	@Test
	void anEveningGroupKeeps1800AcrossTheUsFallBackWeekend() {
		DatedSession before = session(LocalDate.of(2026, 10, 26), "18:00", 180);
		DatedSession after = session(LocalDate.of(2026, 11, 2), "18:00", 180);
		assertThat(before.startsAt(NEW_YORK).toOffsetDateTime()).hasToString("2026-10-26T18:00-04:00");
		assertThat(after.startsAt(NEW_YORK).toOffsetDateTime()).hasToString("2026-11-02T18:00-05:00");
		assertThat(after.endsAt(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(21, 0));
	}

	@Test
	void aMorningGroupKeeps0900AcrossTheEuSpringForwardWeekend() {
		assertThat(session(LocalDate.of(2026, 3, 23), "09:00", 180).startsAt(BERLIN).toOffsetDateTime())
			.hasToString("2026-03-23T09:00+01:00");
		assertThat(session(LocalDate.of(2026, 3, 30), "09:00", 180).startsAt(BERLIN).toOffsetDateTime())
			.hasToString("2026-03-30T09:00+02:00");
	}

	@Test
	void aSessionSpanningTheUsFallBackHourLastsItsMinutesNotItsWallClockSpan() {
		// 00:30 + 180 min on 1 November 2026 in New York: the 01:00-02:00 hour happens
		// twice
		DatedSession overnight = session(LocalDate.of(2026, 11, 1), "00:30", 180);
		assertThat(java.time.Duration.between(overnight.startsAt(NEW_YORK), overnight.endsAt(NEW_YORK)).toMinutes())
			.isEqualTo(180);
		assertThat(overnight.endsAt(NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
	}

	@Test
	void aStartInsideTheSpringForwardGapMovesToTheFirstRealMinute() {
		DatedSession inGap = session(LocalDate.of(2026, 3, 8), "02:30", 60);
		assertThat(inGap.startsAt(NEW_YORK).toOffsetDateTime()).hasToString("2026-03-08T03:00-04:00");
		assertThat(inGap.endsAt(NEW_YORK).toOffsetDateTime()).hasToString("2026-03-08T04:00-04:00");
	}

	@Test
	void aStartInsideChathamsFortyFiveMinuteGapMovesToTheFirstRealMinute() {
		// Pacific/Chatham jumps from 02:45 +12:45 to 03:45 +13:45 on the last Sunday of
		// September
		ZoneId chatham = ZoneId.of("Pacific/Chatham");
		assertThat(session(LocalDate.of(2026, 9, 27), "03:00", 60).startsAt(chatham).toOffsetDateTime())
			.hasToString("2026-09-27T03:45+13:45");
	}

	@Test
	void aStartInsideTheRepeatedFallBackHourTakesTheEarlierOffset() {
		assertThat(session(LocalDate.of(2026, 11, 1), "01:30", 60).startsAt(NEW_YORK).toOffsetDateTime())
			.hasToString("2026-11-01T01:30-04:00");
	}

	@Test
	void theDoseSqlCountsAGapSessionAsStartedFromTheFirstRealMinuteNotBefore() {
		DatedSession inGap = session(LocalDate.of(2026, 3, 8), "02:30", 60);
		Instant jump = inGap.startsAt(NEW_YORK).toInstant();
		java.time.LocalDateTime justBefore = org.iopscheduler.dose.DoseFacts.startedUntil(jump.minusSeconds(60),
				NEW_YORK);
		java.time.LocalDateTime atJump = org.iopscheduler.dose.DoseFacts.startedUntil(jump, NEW_YORK);
		java.time.LocalDateTime gapStart = java.time.LocalDateTime.of(2026, 3, 8, 2, 30);
		assertThat(inGap.hasStartedAt(jump.minusSeconds(60), NEW_YORK)).isFalse();
		assertThat(gapStart.isAfter(justBefore)).isTrue();
		assertThat(inGap.hasStartedAt(jump, NEW_YORK)).isTrue();
		assertThat(gapStart.isAfter(atJump)).isFalse();
	}

	@Test
	void theDayOfTheWeekNeverShiftsWithTheOffset() {
		assertThat(session(LocalDate.of(2026, 11, 2), "23:30", 60).startsAt(NEW_YORK).getDayOfWeek())
			.isEqualTo(DayOfWeek.MONDAY);
	}

}
