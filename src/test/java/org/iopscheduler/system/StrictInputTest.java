package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iopscheduler.support.Api;
import org.iopscheduler.support.Api.Reply;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Strict input (#11): a value only in its own JSON type and format, refused with a 400
 * problem that names the field, and nothing changed. Each test sends the refused request,
 * then reads back what it would have changed.
 */
class StrictInputTest extends ApplicationTest {

	long program;

	long block;

	Person counselor;

	Person participant;

	long pastSession;

	@BeforeEach
	void aProgramWithAnAttendedWeek() {
		program = program("ADULT", "UTC");
		counselor = counselor();
		block = block(program, counselor.id(), "MONDAY", "09:00", 540);
		participant = participant();
		created(enrol(program, participant.id(), "2026-11-02", List.of(block)));
		pastSession = coordinator.get("/api/programs/" + program + "/sessions?week=2026-W47")
			.json()
			.get(0)
			.get("id")
			.asLong();
	}

	static void refused(Reply reply, String field) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("status").asInt()).isEqualTo(400);
		assertThat(reply.json().get("detail").asString()).as(reply.toString()).startsWith(field);
	}

	private Reply mark(String body) {
		return coordinator.put("/api/sessions/" + pastSession + "/attendance/" + participant.id(), body);
	}

	private String attendance() {
		return coordinator.get("/api/sessions/" + pastSession + "/attendance").body();
	}

	@Test
	void anEnumIsTakenOnlyByItsName() {
		for (String status : List.of("0", "4", "\"present\"", "\"Present\"", "\"0\"", "true", "[\"PRESENT\"]")) {
			refused(mark("{\"status\":" + status + "}"), "status");
		}
		assertThat(attendance()).isEqualTo("[]");

		String username = unique("staff");
		refused(coordinator.post("/api/staff",
				Api.body("username", username, "password", "a-long-password", "fullName", "Role By Number", "role", 0)),
				"role");
		// the username is still free: the refused request created nothing
		assertThat(coordinator
			.post("/api/staff", Api.body("username", username, "password", "a-long-password", "fullName",
					"Role By Name", "role", "COUNSELOR"))
			.status()).isEqualTo(201);
	}

	@Test
	void aLocalTimeIsOnlyHoursAndMinutes() {
		String blocks = coordinator.get("/api/programs/" + program + "/blocks").body();
		String sessions = coordinator.get("/api/programs/" + program + "/sessions?week=2026-W48").body();
		for (Object time : List.of("10:00:30", "10:00:00", "10:00:00.5", "9:00", "10:00Z", "", List.of(10, 0), 600)) {
			refused(coordinator
				.post("/api/programs/" + program + "/blocks",
						Api.body("type", "GROUP", "title", "Seconds", "dayOfWeek", "TUESDAY", "startTime", time,
								"durationMinutes", 60, "counselorId", counselor.id(), "location", "Room 3")),
					"startTime");
			refused(coordinator.put("/api/blocks/" + block, Api.body("effectiveFrom", "2026-12-07", "startTime", time)),
					"startTime");
			refused(coordinator.post("/api/sessions/" + pastSession + "/make-ups",
					Api.body("date", "2026-11-27", "startTime", time, "durationMinutes", 60, "counselorId",
							counselor.id(), "location", "Room 3", "participantIds", List.of(participant.id()))),
					"startTime");
		}
		assertThat(coordinator.get("/api/programs/" + program + "/blocks").body()).isEqualTo(blocks);
		assertThat(coordinator.get("/api/programs/" + program + "/sessions?week=2026-W48").body()).isEqualTo(sessions);
	}

	@Test
	void aWholeNumberIsNeitherTextNorAFraction() {
		String blocks = coordinator.get("/api/programs/" + program + "/blocks").body();
		for (Object minutes : List.of("180", "180.5", 180.5, "1e2", true)) {
			refused(coordinator.post("/api/programs/" + program + "/blocks",
					Api.body("type", "GROUP", "title", "Text minutes", "dayOfWeek", "TUESDAY", "startTime", "09:00",
							"durationMinutes", minutes, "counselorId", counselor.id(), "location", "Room 3")),
					"durationMinutes");
			refused(coordinator.put("/api/sessions/" + pastSession + "/attendance/" + participant.id(),
					Api.body("status", "LATE", "minutesAttended", minutes)), "minutesAttended");
		}
		refused(coordinator.post("/api/programs/" + program + "/blocks",
				Api.body("type", "GROUP", "title", "Text id", "dayOfWeek", "TUESDAY", "startTime", "09:00",
						"durationMinutes", 60, "counselorId", String.valueOf(counselor.id()), "location", "Room 3")),
				"counselorId");
		assertThat(coordinator.get("/api/programs/" + program + "/blocks").body()).isEqualTo(blocks);
		assertThat(attendance()).isEqualTo("[]");
	}

	@Test
	void aDateIsOnlyTextAsYearMonthDay() {
		Person other = participant();
		for (Object date : List.of(20_000, "", "  ", List.of(2026, 11, 2), "20261102", true)) {
			refused(coordinator.post("/api/programs/" + program + "/enrollments",
					Api.body("participantId", other.id(), "startDate", date, "blockIds", List.of(block))), "startDate");
			refused(coordinator.post("/api/participants", Api.body("username", unique("dob"), "password",
					"a-long-password", "fullName", "Date As Number", "dateOfBirth", date)), "dateOfBirth");
		}
		assertThat(coordinator.get("/api/participants/" + other.id() + "/schedule?week=2026-W49").json()).isEmpty();
	}

	@Test
	void aChangedTitleOrNameIsNeverBlank() {
		String before = coordinator.get("/api/blocks/" + block).body();
		String programBefore = coordinator.get("/api/programs/" + program).body();
		for (String blank : List.of("", "   ", "\t\n")) {
			refused(coordinator.put("/api/blocks/" + block, Api.body("effectiveFrom", "2026-12-07", "title", blank)),
					"title");
			refused(coordinator.put("/api/blocks/" + block, Api.body("effectiveFrom", "2026-12-07", "location", blank)),
					"location");
			refused(coordinator.put("/api/programs/" + program, Api.body("name", blank)), "name");
		}
		assertThat(coordinator.get("/api/blocks/" + block).body()).isEqualTo(before);
		assertThat(coordinator.get("/api/programs/" + program).body()).isEqualTo(programBefore);
	}

	@Test
	void aListPageSkipsAtMostOneHundredThousandRows() {
		for (String list : List.of("/api/staff", "/api/participants")) {
			refused(coordinator.get(list + "?page=2147483647"), "page");
			refused(coordinator.get(list + "?page=1001&size=100"), "page");
			refused(coordinator.get(list + "?page=201&size=500"), "page");
			assertThat(coordinator.get(list + "?page=1000&size=100").json()).isEmpty();
			assertThat(coordinator.get(list + "?page=100000&size=1").status()).isEqualTo(200);
		}
	}

	@Test
	void aPathTheFirewallRefusesIsAProblemNamingThePath() {
		for (String path : List.of("/api/programs;jsessionid=1", "/api/programs/%2e%2e/staff", "/api//programs",
				"/api/programs/%2F1", "/api/programs/%5C1")) {
			Reply reply = coordinator.get(path);
			assertThat(reply.status()).as(path + ": " + reply).isEqualTo(400);
			assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
			// Tomcat refuses %2F and %5C itself (its valve answers problem JSON too), the
			// firewall the rest
			assertThat(reply.json().get("detail").asString()).as(path).contains("path");
		}
	}

}
