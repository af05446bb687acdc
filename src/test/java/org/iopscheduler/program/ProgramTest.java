package org.iopscheduler.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.RuleViolation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.util.ReflectionTestUtils;

class ProgramTest {

	static Program adult(Integer minimum) {
		return Program.create("Evening IOP", Population.ADULT, "America/New_York", minimum, Instant.EPOCH);
	}

	@Test
	void anAdultProgramDefaultsToNineHoursAWeek() {
		assertThat(adult(null).getMinimumWeeklyMinutes()).isEqualTo(540);
	}

	@Test
	void anAdolescentProgramDefaultsToSixHoursAWeek() {
		assertThat(Program.create("Teens", Population.ADOLESCENT, "UTC", null, Instant.EPOCH).getMinimumWeeklyMinutes())
			.isEqualTo(360);
	}

	@Test
	void aProgramMayAskMoreThanItsFloor() {
		assertThat(adult(600).getMinimumWeeklyMinutes()).isEqualTo(600);
	}

	@Test
	void aMinimumBelowThePopulationFloorIsRefusedWithBothNumbers() {
		assertThatThrownBy(() -> adult(539)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("539")
			.hasMessageContaining("540");
		assertThatThrownBy(() -> Program.create("Teens", Population.ADOLESCENT, "UTC", 359, Instant.EPOCH))
			.isInstanceOf(RuleViolation.class);
	}

	@Test
	void aSavedProgramsMinimumMayRiseButNeverFall() {
		Program program = adult(600);
		ReflectionTestUtils.setField(program, "id", 1L);
		program.changeMinimum(660);
		assertThat(program.getMinimumWeeklyMinutes()).isEqualTo(660);
		assertThatThrownBy(() -> program.changeMinimum(600)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("only be raised");
	}

	@Test
	void theTimeZoneMustBeAnIanaZoneId() {
		assertThatThrownBy(() -> Program.create("X", Population.ADULT, "Eastern", null, Instant.EPOCH))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("timeZone");
		assertThatThrownBy(() -> inZone("Mars/Olympus")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("not an IANA time zone id");
	}

	static Program inZone(String zone) {
		return Program.create("X", Population.ADULT, zone, null, Instant.EPOCH);
	}

	@Nested
	class TimeZones {

		@ParameterizedTest
		@ValueSource(strings = { "America/New_York", "Asia/Kolkata", "Pacific/Chatham", "Europe/London",
				"America/Port-au-Prince" })
		void aRegionOfTheTzDatabaseIsAProgramsZone(String region) {
			assertThat(inZone(region).zone()).isEqualTo(ZoneId.of(region));
		}

		@ParameterizedTest
		@ValueSource(strings = { "UTC", "Etc/UTC", "GMT" })
		void utcUnderItsOwnNamesIsAcceptedForAProgramThatKeepsUtcAllYear(String utc) {
			assertThat(inZone(utc).getTimeZone()).isEqualTo(utc);
		}

		@ParameterizedTest
		@ValueSource(strings = { "+05:30", "-05:00", "Z", "GMT+5", "UTC+05:30", "UTC-05:00", "UT-3", "+00:00",
				"UTC+00:00", "GMT+0" })
		void aFixedOffsetIsRefusedBecauseItNeverFollowsDaylightSaving(String offset) {
			assertThatThrownBy(() -> inZone(offset)).isInstanceOf(InvalidInput.class)
				.hasMessageStartingWith("timeZone: '" + offset + "' is ")
				.hasMessageContaining("fixed offset")
				.hasMessageContaining("never follows daylight saving")
				.hasMessageContaining("an hour off for part of the year")
				.hasMessageContaining("e.g. America/New_York");
		}

		@Test
		void theTzDatabasesOwnEtcGmtIdsAreRefusedAndTheirInvertedSignIsSpelledOut() {
			assertThatThrownBy(() -> inZone("Etc/GMT+5")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("UTC-05:00")
				.hasMessageContaining("invert")
				.hasMessageContaining("never follows daylight saving");
			assertThatThrownBy(() -> inZone("Etc/GMT-14")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("UTC+14:00");
			assertThatThrownBy(() -> inZone("Etc/GMT+0")).isInstanceOf(InvalidInput.class);
		}

		/**
		 * Decision: EST, MST and HST are read as fixed offsets; refused with the region a
		 * clinic means.
		 */
		@Test
		void theLegacyFixedOffsetAbbreviationsAreRefusedWithTheRegionMostLikelyMeant() {
			assertThatThrownBy(() -> inZone("EST")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("UTC-05:00")
				.hasMessageContaining("never follows daylight saving")
				.hasMessageContaining("America/New_York");
			assertThatThrownBy(() -> inZone("MST")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("America/Denver");
			assertThatThrownBy(() -> inZone("HST")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("Pacific/Honolulu");
		}

		/**
		 * Decision: old aliases that follow a region's daylight saving (US/Eastern,
		 * EST5EDT) stay accepted.
		 */
		@ParameterizedTest
		@ValueSource(strings = { "US/Eastern", "EST5EDT", "Asia/Calcutta" })
		void anOldAliasThatFollowsItsRegionsDaylightSavingIsAccepted(String alias) {
			assertThat(ProgramZone.accepts(alias)).isTrue();
		}

		@Test
		void theJdksSystemVIdsAreNotIanaIds() {
			assertThat(ProgramZone.accepts("SystemV/EST5")).isFalse();
			assertThat(ProgramZone.refusal("SystemV/EST5")).hasValueSatisfying(
					reason -> assertThat(reason).startsWith("timeZone:").contains("never follows daylight saving"));
		}

		@Test
		void aZoneIdACalendarLibraryRegisteredIsNotARegion() {
			// ical4j registers "ical4j-local-<hash>-<n>" zones, some without rules yet
			net.fortuna.ical4j.model.TimeZoneRegistryFactory.getInstance()
				.createRegistry()
				.getTimeZone("America/New_York");
			assertThat(ZoneId.getAvailableZoneIds()).anyMatch(id -> id.startsWith("ical4j"));
			for (String id : ZoneId.getAvailableZoneIds()) {
				if (id.startsWith("ical4j")) {
					assertThat(ProgramZone.refusal(id)).as(id).isPresent();
				}
			}
		}

		@Test
		void everyZoneTheRuleAcceptsFollowsARegionOrIsUtc() {
			for (String id : ZoneId.getAvailableZoneIds()) {
				if (ProgramZone.accepts(id)) {
					ZoneId zone = ZoneId.of(id);
					assertThat(!zone.getRules().isFixedOffset()
							|| zone.getRules().getOffset(Instant.EPOCH).getTotalSeconds() == 0)
						.as(id)
						.isTrue();
				}
			}
		}

		@Test
		void aProgramsZoneIsKeptAndNeverChanged() {
			Program program = inZone("America/New_York");
			program.keepZone("America/New_York");
			assertThatThrownBy(() -> program.keepZone("America/Chicago")).isInstanceOf(RuleViolation.class)
				.hasMessageStartingWith("timeZone:")
				.hasMessageContaining("America/New_York");
			assertThatThrownBy(() -> program.keepZone("-05:00")).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("never follows daylight saving");
			assertThat(program.getTimeZone()).isEqualTo("America/New_York");
		}

	}

}
