package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;

import org.iopscheduler.system.InvalidInput;
import org.junit.jupiter.api.Test;

class WeeklySlotTest {

	static WeeklySlot slot(DayOfWeek day, String start, int minutes) {
		return new WeeklySlot(day, LocalTime.parse(start), minutes);
	}

	@Test
	void slotsThatShareAMinuteOverlap() {
		assertThat(slot(DayOfWeek.MONDAY, "18:00", 180).overlaps(slot(DayOfWeek.MONDAY, "20:59", 30))).isTrue();
	}

	@Test
	void backToBackSlotsDoNotOverlap() {
		assertThat(slot(DayOfWeek.MONDAY, "18:00", 180).overlaps(slot(DayOfWeek.MONDAY, "21:00", 60))).isFalse();
		assertThat(slot(DayOfWeek.MONDAY, "15:00", 180).overlaps(slot(DayOfWeek.MONDAY, "18:00", 60))).isFalse();
	}

	@Test
	void theSameTimeOnAnotherDayDoesNotOverlap() {
		assertThat(slot(DayOfWeek.MONDAY, "18:00", 180).overlaps(slot(DayOfWeek.TUESDAY, "18:00", 180))).isFalse();
	}

	@Test
	void aSlotRunningPastMidnightOverlapsTheNextMorning() {
		assertThat(slot(DayOfWeek.MONDAY, "22:00", 180).overlaps(slot(DayOfWeek.TUESDAY, "00:30", 60))).isTrue();
	}

	@Test
	void aSundayNightSlotWrapsIntoMondayOfTheNextWeek() {
		assertThat(slot(DayOfWeek.SUNDAY, "23:00", 120).overlaps(slot(DayOfWeek.MONDAY, "00:30", 30))).isTrue();
	}

	@Test
	void durationMustBeOneTo720Minutes() {
		assertThatThrownBy(() -> slot(DayOfWeek.MONDAY, "18:00", 0)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("durationMinutes");
		assertThatThrownBy(() -> slot(DayOfWeek.MONDAY, "18:00", 721)).isInstanceOf(InvalidInput.class);
		assertThat(slot(DayOfWeek.MONDAY, "08:00", 720).end()).isEqualTo(LocalTime.of(20, 0));
	}

}
