package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.iopscheduler.program.ProgramZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

/**
 * "Today" and "this week" are the local date's, in the zone asked for, at every hour of
 * the week.
 */
class ClinicCalendarTest {

	/**
	 * From UTC-10 to UTC+14: between them every hour of the day is a Sunday/Monday
	 * boundary somewhere.
	 */
	static final List<String> ZONES = List.of("Pacific/Honolulu", "America/New_York", "Europe/London",
			"Australia/Sydney", "Pacific/Kiritimati");

	/**
	 * Sunday 22 to Monday 30 November 2026 (UTC): the whole of 2026-W48 in every zone,
	 * and both its edges.
	 */
	static final Instant FIRST_HOUR = Instant.parse("2026-11-22T00:00:00Z");

	static final int HOURS = 9 * 24;

	static ClinicCalendar at(Instant now) {
		return new ClinicCalendar(Clock.fixed(now, ZoneOffset.UTC), "UTC");
	}

	static Stream<Instant> everyHour() {
		return Stream.iterate(FIRST_HOUR, t -> t.plus(Duration.ofHours(1))).limit(HOURS);
	}

	/**
	 * W47 before Monday 23 November 00:00 local, W49 from Monday 30 November 00:00:
	 * worked out apart from it.
	 */
	static IsoWeek expected(Instant now, ZoneId zone) {
		Instant w48 = LocalDate.of(2026, 11, 23).atStartOfDay(zone).toInstant();
		Instant w49 = LocalDate.of(2026, 11, 30).atStartOfDay(zone).toInstant();
		return new IsoWeek(2026, now.isBefore(w48) ? 47 : now.isBefore(w49) ? 48 : 49);
	}

	@Test
	void thisWeekIsTheIsoWeekOfTheLocalDateAtEveryHourInEveryZone() {
		List<String> wrong = new ArrayList<>();
		everyHour().forEach(now -> ZONES.stream().map(ZoneId::of).forEach(zone -> {
			IsoWeek answered = at(now).thisWeek(zone);
			if (!answered.equals(expected(now, zone))) {
				wrong.add(now + " in " + zone + ": " + answered + ", not " + expected(now, zone));
			}
			assertThat(at(now).today(zone)).isEqualTo(now.atZone(zone).toLocalDate());
		}));
		assertThat(wrong).isEmpty();
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource({ "Pacific/Honolulu, 2026-11-29T23:59, 2026-W48", "Pacific/Honolulu, 2026-11-30T00:00, 2026-W49",
			"America/New_York, 2026-11-29T20:00, 2026-W48", "America/New_York, 2026-11-30T00:00, 2026-W49",
			"Europe/London, 2026-11-29T23:59, 2026-W48", "Europe/London, 2026-11-30T00:00, 2026-W49",
			"Australia/Sydney, 2026-11-29T23:59, 2026-W48", "Australia/Sydney, 2026-11-30T08:00, 2026-W49",
			"Pacific/Kiritimati, 2026-11-29T23:59, 2026-W48", "Pacific/Kiritimati, 2026-11-30T00:00, 2026-W49" })
	void theWeekTurnsAtMidnightBetweenSundayAndMondayLocalTime(String zone, LocalDateTime local, String week) {
		ZoneId id = ZoneId.of(zone);
		Instant now = local.atZone(id).toInstant();
		assertThat(at(now).thisWeek(id)).hasToString(week);
		assertThat(at(now).today(id)).isEqualTo(local.toLocalDate());
	}

	@Test
	void aProgramsTodayAndWeekAreTakenInItsOwnZone() {
		Program sydney = Program.create("Harbour IOP", Population.ADULT, "Australia/Sydney", null, Instant.EPOCH);
		Program honolulu = Program.create("Island IOP", Population.ADULT, "Pacific/Honolulu", null, Instant.EPOCH);
		// Sunday 29 November 14:00 UTC: already Monday 01:00 in Sydney, still Sunday
		// 04:00 in Honolulu
		ClinicCalendar calendar = at(Instant.parse("2026-11-29T14:00:00Z"));

		assertThat(calendar.today(sydney)).isEqualTo(LocalDate.of(2026, 11, 30));
		assertThat(calendar.thisWeek(sydney)).hasToString("2026-W49");
		assertThat(calendar.today(honolulu)).isEqualTo(LocalDate.of(2026, 11, 29));
		assertThat(calendar.thisWeek(honolulu)).hasToString("2026-W48");
	}

	@Test
	void thisWeekAnywhereHoldsTheWeekOfEveryZoneThereIs() {
		List<ZoneId> all = ProgramZone.tzDatabaseIds().stream().map(ZoneId::of).toList();
		everyHour().forEach(now -> {
			ClinicCalendar.Span span = at(now).thisWeekAnywhere();
			for (ZoneId zone : all) {
				IsoWeek week = at(now).thisWeek(zone);
				assertThat(span.first()).as(now + " " + zone).isBeforeOrEqualTo(week.monday());
				assertThat(span.last()).as(now + " " + zone).isAfterOrEqualTo(week.sunday());
			}
			assertThat(span.last().toEpochDay() - span.first().toEpochDay()).isLessThan(14);
		});
	}

	@Test
	void theOrganisationZoneIsTheSettingAndUtcWhenBlank() {
		Clock clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

		assertThat(new ClinicCalendar(clock, "Pacific/Kiritimati").organisationZone())
			.isEqualTo(ZoneId.of("Pacific/Kiritimati"));
		assertThat(new ClinicCalendar(clock, " ").organisationZone()).isEqualTo(ZoneId.of("UTC"));
		assertThat(new ClinicCalendar(clock, null).organisationZone()).isEqualTo(ZoneId.of("UTC"));
	}

	@Test
	void anUnknownOrganisationZoneIsRefusedNamingTheSetting() {
		Clock clock = Clock.systemUTC();

		assertThatThrownBy(() -> new ClinicCalendar(clock, "Mars/Olympus_Mons"))
			.hasMessageContaining("iop.organisation.time-zone")
			.hasMessageContaining("'Mars/Olympus_Mons'");
	}

	@Test
	void theServiceDoesNotStartWithAnUnknownOrganisationZone() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withBean(Clock.class, Clock::systemUTC)
			.withUserConfiguration(ClinicCalendar.class);

		runner.withPropertyValues("iop.organisation.time-zone=Europe/Atlantis")
			.run(context -> assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
				.hasMessageContaining("iop.organisation.time-zone: 'Europe/Atlantis'"));
		runner.withPropertyValues("iop.organisation.time-zone=Australia/Sydney")
			.run(context -> assertThat(context.getBean(ClinicCalendar.class).organisationZone())
				.isEqualTo(ZoneId.of("Australia/Sydney")));
		runner.run(context -> assertThat(context.getBean(ClinicCalendar.class).organisationZone())
			.isEqualTo(ZoneId.of("UTC")));
	}

}
