package org.iopscheduler.system;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageFormatTest {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void minutesReadAsHoursAndMinutes() {
		assertThat(PageFormat.hours(540)).isEqualTo("9 h");
		assertThat(PageFormat.hours(270)).isEqualTo("4 h 30 min");
		assertThat(PageFormat.hours(45)).isEqualTo("45 min");
		assertThat(PageFormat.hours(0)).isEqualTo("0 min");
	}

	@Test
	void aSessionKeepsItsWallTimeAndShowsTheZoneInForceOnItsDate() {
		ZonedDateTime summer = ZonedDateTime.of(LocalDate.of(2026, 10, 26), LocalTime.of(18, 0), NEW_YORK);
		ZonedDateTime winter = ZonedDateTime.of(LocalDate.of(2026, 11, 2), LocalTime.of(18, 0), NEW_YORK);

		assertThat(PageFormat.timeRange(summer, summer.plusMinutes(180))).isEqualTo("18:00–21:00 EDT");
		assertThat(PageFormat.timeRange(winter, winter.plusMinutes(180))).isEqualTo("18:00–21:00 EST");
	}

	@Test
	void progressIsCappedAtAHundredPercent() {
		assertThat(PageFormat.percent(600, 540)).isEqualTo(100);
		assertThat(PageFormat.percent(360, 540)).isEqualTo(67);
		assertThat(PageFormat.percent(10, 0)).isZero();
	}

}
