package org.iopscheduler.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.iopscheduler.calendar.WallTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReminderTimesTest {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static final ReminderTimes DEFAULT = new ReminderTimes(List.of(1440, 120), QuietHours.DEFAULT);

	static ZonedDateTime at(String date, String time, ZoneId zone) {
		return WallTime.at(LocalDate.parse(date), LocalTime.parse(time), zone);
	}

	static List<ZonedDateTime> times(ReminderTimes times, ZonedDateTime start) {
		return times.before(start).stream().map(d -> d.at().atZone(start.getZone())).toList();
	}

	@Test
	void aDayAndTwoHoursBeforeASessionByDefault() {
		assertThat(times(DEFAULT, at("2026-12-08", "10:00", NEW_YORK)))
			.containsExactly(at("2026-12-07", "10:00", NEW_YORK), at("2026-12-08", "08:00", NEW_YORK));
	}

	@Test
	void eachReminderIsTakenInItsProgramsZone() {
		assertThat(DEFAULT.before(at("2026-12-08", "10:00", BERLIN)).get(0).at())
			.isEqualTo(java.time.Instant.parse("2026-12-07T09:00:00Z"));
		assertThat(DEFAULT.before(at("2026-12-08", "10:00", NEW_YORK)).get(0).at())
			.isEqualTo(java.time.Instant.parse("2026-12-07T15:00:00Z"));
	}

	@Test
	void aLeadOfADayKeepsTheWallTimeWhenTheClocksChangeInBetween() {
		// New York fell back on Sunday 2026-11-01: 24 real hours before Monday 10:00 EST
		// would be Sunday 10:00 EST, and before Sunday 10:00 EST it would be Saturday
		// 11:00
		// EDT
		assertThat(times(DEFAULT, at("2026-11-01", "10:00", NEW_YORK)).get(0))
			.isEqualTo(at("2026-10-31", "10:00", NEW_YORK));
		assertThat(times(DEFAULT, at("2026-11-01", "10:00", NEW_YORK)).get(0).toInstant())
			.isEqualTo(java.time.Instant.parse("2026-10-31T14:00:00Z"));
	}

	@Test
	void aLeadOfHoursIsRealTimeAcrossTheChangeOfClocks() {
		// New York sprang forward at 02:00 on 2026-03-08: 4 real hours before 05:00 EDT
		// is
		// 00:00 EST, not 01:00
		ReminderTimes fourHours = new ReminderTimes(List.of(240),
				new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0)));
		assertThat(times(fourHours, at("2026-03-08", "05:00", NEW_YORK)))
			.containsExactly(at("2026-03-08", "00:00", NEW_YORK));
	}

	@Nested
	class QuietHoursRule {

		@Test
		void aReminderInTheNightMovesToTheNearerEdge() {
			// 2 h before 09:00 is 07:00: 08:00 is nearer than 21:00 the evening before
			assertThat(times(DEFAULT, at("2026-12-08", "09:00", NEW_YORK)))
				.containsExactly(at("2026-12-07", "09:00", NEW_YORK), at("2026-12-08", "08:00", NEW_YORK));
			// a day before 22:00 is 22:00: 21:00 is nearer than 08:00 the next morning
			assertThat(times(DEFAULT, at("2026-12-08", "22:00", NEW_YORK)).get(0))
				.isEqualTo(at("2026-12-07", "21:00", NEW_YORK));
		}

		@Test
		void aReminderMovesToTheEveningBeforeWhenTheMorningEdgeIsNotBeforeTheSession() {
			// 2 h before 08:00 is 06:00; 08:00 would be the start itself
			assertThat(times(DEFAULT, at("2026-12-08", "08:00", NEW_YORK)))
				.containsExactly(at("2026-12-07", "08:00", NEW_YORK), at("2026-12-07", "21:00", NEW_YORK));
		}

		@Test
		void theEdgesThemselvesAreNotQuiet() {
			assertThat(QuietHours.DEFAULT.contain(at("2026-12-08", "21:00", NEW_YORK))).isFalse();
			assertThat(QuietHours.DEFAULT.contain(at("2026-12-08", "08:00", NEW_YORK))).isFalse();
			assertThat(QuietHours.DEFAULT.contain(at("2026-12-08", "21:01", NEW_YORK))).isTrue();
			assertThat(QuietHours.DEFAULT.contain(at("2026-12-08", "07:59", NEW_YORK))).isTrue();
			assertThat(QuietHours.DEFAULT.contain(at("2026-12-08", "12:00", NEW_YORK))).isFalse();
		}

		@Test
		void quietHoursWithinOneDayAreKeptToo() {
			QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
			assertThat(lunch.moveOut(at("2026-12-08", "12:40", BERLIN), at("2026-12-08", "15:00", BERLIN)))
				.contains(at("2026-12-08", "13:00", BERLIN));
			assertThat(lunch.moveOut(at("2026-12-08", "12:20", BERLIN), at("2026-12-08", "15:00", BERLIN)))
				.contains(at("2026-12-08", "12:00", BERLIN));
		}

		@Test
		void twoLeadsMovedOntoOneMomentSendOneReminder() {
			// a day before 22:00 (22:00) and 20 hours before it (02:00) both move to
			// 21:00
			// the evening before
			ReminderTimes times = new ReminderTimes(List.of(1440, 1200), QuietHours.DEFAULT);
			List<ReminderTimes.Due> due = times.before(at("2026-12-08", "22:00", NEW_YORK));
			assertThat(due).extracting(ReminderTimes.Due::leadMinutes).containsExactly(1440);
		}

	}

}
