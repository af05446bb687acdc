package org.iopscheduler.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A program's contact wording over /api/programs: neutral by default, set on create or
 * change, left as it is when a change leaves it out (as every optional field of a PUT).
 */
class ContactWordingTest extends ApplicationTest {

	@Autowired
	Programs programs;

	@Test
	void aNewProgramSaysAppointmentAndNoClinicName() {
		long id = program("ADULT", "America/New_York");

		Api.Reply program = coordinator.get("/api/programs/" + id);
		assertThat(program.json().get("contactTitle").asString()).isEqualTo("Appointment");
		assertThat(program.json().get("contactClinicName").isNull()).isTrue();
		assertThat(programs.contactWording(id)).isEqualTo(ContactWording.NEUTRAL);
	}

	@Test
	void aProgramMayBeCreatedWithItsOwnWording() {
		Api.Reply created = coordinator.post("/api/programs", Api.body("name", unique("Program "), "population",
				"ADULT", "timeZone", "UTC", "contactTitle", "Visit", "contactClinicName", "Main Street Clinic"));

		assertThat(created.status()).isEqualTo(201);
		assertThat(programs.contactWording(created.id())).isEqualTo(new ContactWording("Visit", "Main Street Clinic"));
	}

	@Test
	void aChangeThatLeavesTheWordingOutKeepsItAndAnEmptyClinicNameRemovesIt() {
		long id = program("ADULT", "UTC");
		coordinator.put("/api/programs/" + id, Api.body("contactTitle", "Visit", "contactClinicName", "Clinic A"));

		Api.Reply renamed = coordinator.put("/api/programs/" + id, Api.body("name", unique("Renamed ")));
		assertThat(renamed.json().get("contactTitle").asString()).isEqualTo("Visit");
		assertThat(renamed.json().get("contactClinicName").asString()).isEqualTo("Clinic A");

		Api.Reply cleared = coordinator.put("/api/programs/" + id, Api.body("contactClinicName", ""));
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().get("contactClinicName").isNull()).isTrue();
		assertThat(cleared.json().get("contactTitle").asString()).isEqualTo("Visit");
	}

	@Test
	void aBlankOrTooLongTitleIsA400NamingTheField() {
		long id = program("ADULT", "UTC");

		Api.Reply blank = coordinator.put("/api/programs/" + id, Api.body("contactTitle", "   "));
		Api.Reply tooLong = coordinator.put("/api/programs/" + id, Api.body("contactTitle", "x".repeat(81)));
		Api.Reply longClinic = coordinator.post("/api/programs", Api.body("name", unique("Program "), "population",
				"ADULT", "timeZone", "UTC", "contactClinicName", "x".repeat(121)));

		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("contactTitle");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.body()).contains("contactTitle");
		assertThat(longClinic.status()).isEqualTo(400);
		assertThat(longClinic.body()).contains("contactClinicName");
		assertThat(programs.contactWording(id)).isEqualTo(ContactWording.NEUTRAL);
	}

}
