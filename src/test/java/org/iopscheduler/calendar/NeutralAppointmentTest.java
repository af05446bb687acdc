package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.iopscheduler.program.ContactWording;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * What leaves the service about a session says "Appointment", when and where: nothing a
 * person seeing a phone could tie to a substance-use program (42 CFR Part 2).
 */
class NeutralAppointmentTest {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void theDefaultWordingLeaksNoProgramTitleTypeCounselorClinicOrOtherParticipant() {
		for (BlockType type : BlockType.values()) {
			DatedSession session = session(type, "Opioid recovery group with Dana Whitfield", LocationKind.ROOM,
					"Room 2");
			NeutralAppointment appointment = NeutralAppointment.of(session, NEW_YORK, ContactWording.NEUTRAL);

			String said = String.join("\n", appointment.summary(), appointment.location(), appointment.description());
			List<String> secrets = new ArrayList<>(List.of("Evening IOP", "Opioid", "recovery", "group", "Dana",
					"Whitfield", "Main Street Recovery Clinic", "Pat Jones", "IOP", "addiction", "substance"));
			secrets.add(type.name());
			secrets.addAll(List.of(type.name().toLowerCase(Locale.ROOT).split("_")));
			assertThat(said.toLowerCase(Locale.ROOT))
				.doesNotContain(secrets.stream().map(s -> s.toLowerCase(Locale.ROOT)).toArray(String[]::new));
			assertThat(appointment.summary()).isEqualTo("Appointment");
			assertThat(appointment.location()).isEqualTo("Room 2");
			assertThat(appointment.url()).isNull();
		}
	}

	@Test
	void aClinicNameIsShownAfterTheTitleOnlyWhenTheProgramSetsOne() {
		DatedSession session = session(BlockType.GROUP, "Process group", LocationKind.ROOM, "Room 2");

		assertThat(
				NeutralAppointment.of(session, NEW_YORK, new ContactWording("Visit", "Main Street Clinic")).summary())
			.isEqualTo("Visit \u2013 Main Street Clinic");
		assertThat(NeutralAppointment.of(session, NEW_YORK, new ContactWording("Visit", " ")).summary())
			.isEqualTo("Visit");
	}

	@Test
	void aVideoSessionGivesItsLinkAsLocationAndUrl() {
		DatedSession session = session(BlockType.INDIVIDUAL, "Individual", LocationKind.VIDEO,
				"https://video.example.org/r/1");

		NeutralAppointment appointment = NeutralAppointment.of(session, NEW_YORK, ContactWording.NEUTRAL);

		assertThat(appointment.location()).isEqualTo("https://video.example.org/r/1");
		assertThat(appointment.url()).isEqualTo(URI.create("https://video.example.org/r/1"));
	}

	@Test
	void theTimesAreTheProgramsWallTimeWithTheOffsetOfTheDate() {
		DatedSession session = session(BlockType.GROUP, "Process group", LocationKind.ROOM, "Room 2");

		NeutralAppointment appointment = NeutralAppointment.of(session, NEW_YORK, ContactWording.NEUTRAL);

		assertThat(appointment.startsAt()).hasToString("2026-11-02T18:00-05:00[America/New_York]");
		assertThat(appointment.endsAt()).hasToString("2026-11-02T21:00-05:00[America/New_York]");
	}

	private static DatedSession session(BlockType type, String title, LocationKind kind, String location) {
		DatedSession session = new DatedSession();
		ReflectionTestUtils.setField(session, "id", 1L);
		ReflectionTestUtils.setField(session, "programId", 1L);
		ReflectionTestUtils.setField(session, "date", LocalDate.of(2026, 11, 2));
		ReflectionTestUtils.setField(session, "startTime", LocalTime.of(18, 0));
		ReflectionTestUtils.setField(session, "durationMinutes", 180);
		ReflectionTestUtils.setField(session, "type", type);
		ReflectionTestUtils.setField(session, "title", title);
		ReflectionTestUtils.setField(session, "counselorId", 7L);
		ReflectionTestUtils.setField(session, "locationKind", kind);
		ReflectionTestUtils.setField(session, "location", location);
		ReflectionTestUtils.setField(session, "status", SessionStatus.SCHEDULED);
		ReflectionTestUtils.setField(session, "makeUpParticipants", Set.of(2L, 3L));
		ReflectionTestUtils.setField(session, "createdAt", Instant.EPOCH);
		return session;
	}

}
