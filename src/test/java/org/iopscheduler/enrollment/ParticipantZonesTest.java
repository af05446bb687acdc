package org.iopscheduler.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.iopscheduler.calendar.ClinicCalendar;

/**
 * A participant's current program: the one whose zone their "today" and "this week" are
 * taken in.
 */
class ParticipantZonesTest {

	static final long HONOLULU = 1;

	static final long SYDNEY = 2;

	static final long LONDON = 3;

	static final Map<Long, ZoneId> ZONES = Map.of(HONOLULU, ZoneId.of("Pacific/Honolulu"), SYDNEY,
			ZoneId.of("Australia/Sydney"), LONDON, ZoneId.of("Europe/London"));

	static Enrollment enrollment(long programId, String start, String end) {
		return Enrollment.start(programId, 7, LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
				List.of(), Instant.EPOCH);
	}

	static Optional<Long> currentProgram(String utc, Enrollment... theirs) {
		ClinicCalendar calendar = new ClinicCalendar(Clock.fixed(Instant.parse(utc), ZoneOffset.UTC), "UTC");
		return ParticipantZones.current(List.of(theirs), ZONES, calendar).map(Enrollment::getProgramId);
	}

	@Test
	void theEnrollmentCoveringTodayInItsOwnProgramsZoneIsCurrent() {
		Enrollment sydney = enrollment(SYDNEY, "2026-11-30", null);
		Enrollment earlier = enrollment(LONDON, "2026-09-01", "2026-10-31");

		// Sunday 13:30 UTC is Monday 00:30 in Sydney: the enrollment has begun there,
		// though not in UTC
		assertThat(currentProgram("2026-11-29T13:30:00Z", earlier, sydney)).contains(SYDNEY);
		// half an hour earlier it is still Sunday in Sydney: the London stay, the last
		// one lived, is current
		assertThat(currentProgram("2026-11-29T12:30:00Z", earlier, sydney)).contains(LONDON);
	}

	@Test
	void onATransferDaySeenAcrossZonesTheLaterStartIsCurrent() {
		Enrollment honolulu = enrollment(HONOLULU, "2026-10-05", "2026-11-29");
		Enrollment sydney = enrollment(SYDNEY, "2026-11-30", null);

		// Monday 01:00 in Sydney, Sunday 04:00 in Honolulu: both cover their own today,
		// the participant has moved
		assertThat(currentProgram("2026-11-29T14:00:00Z", honolulu, sydney)).contains(SYDNEY);
		// Sunday 23:00 in Sydney: only Honolulu covers today
		assertThat(currentProgram("2026-11-29T12:00:00Z", honolulu, sydney)).contains(HONOLULU);
	}

	@Test
	void withNoneCoveringTodayTheOneThatEndedLastIsCurrent() {
		Enrollment first = enrollment(LONDON, "2026-01-05", "2026-03-01");
		Enrollment second = enrollment(HONOLULU, "2026-04-06", "2026-06-28");
		Enrollment coming = enrollment(SYDNEY, "2027-01-04", null);

		assertThat(currentProgram("2026-11-25T12:00:00Z", coming, second, first)).contains(HONOLULU);
	}

	@Test
	void withNothingLivedYetTheNextToStartIsCurrent() {
		Enrollment later = enrollment(LONDON, "2027-02-01", null);
		Enrollment sooner = enrollment(SYDNEY, "2026-12-07", "2027-01-17");

		assertThat(currentProgram("2026-11-25T12:00:00Z", later, sooner)).contains(SYDNEY);
	}

	@Test
	void withNoEnrollmentThereIsNoCurrentProgram() {
		assertThat(currentProgram("2026-11-25T12:00:00Z")).isEmpty();
	}

}
