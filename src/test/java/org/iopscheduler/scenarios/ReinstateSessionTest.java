package org.iopscheduler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditEvent;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.Api.Reply;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Reinstating a cancelled session (POST /api/sessions/{id}/reinstate): an evening program
 * in New York meeting Mondays, Wednesdays and Thursdays 18:00 for 180 minutes.
 */
class ReinstateSessionTest extends ApplicationTest {

	@Autowired
	AuditLog auditLog;

	long program;

	Person alice;

	Person bob;

	@BeforeEach
	void anEveningProgramWithTwoParticipants() {
		program = program("ADULT", "America/New_York");
		Person counselor = counselor();
		List<Long> blocks = List.of(block(program, counselor.id(), "MONDAY", "18:00", 180),
				block(program, counselor.id(), "WEDNESDAY", "18:00", 180),
				block(program, counselor.id(), "THURSDAY", "18:00", 180));
		alice = participant();
		bob = participant();
		assertThat(enrol(program, alice.id(), "2026-11-02", blocks).status()).isEqualTo(201);
		assertThat(enrol(program, bob.id(), "2026-11-02", blocks).status()).isEqualTo(201);
	}

	/** Thursday 3 December 2026. */
	long thursdayNextWeek() {
		JsonNode week = coordinator.get("/api/programs/" + program + "/sessions?week=2026-W49").json();
		return week.get(2).get("id").asLong();
	}

	Reply cancel(long session) {
		Reply cancelled = coordinator.post("/api/sessions/" + session + "/cancel", Api.body("reason", "counselor ill"));
		assertThat(cancelled.status()).isEqualTo(200);
		return cancelled;
	}

	@Test
	void aCancelledSessionIsScheduledAgainWithTheRosterItWouldHaveHad() {
		long session = thursdayNextWeek();
		JsonNode before = coordinator.get("/api/sessions/" + session).json();
		cancel(session);

		Reply reinstated = coordinator.post("/api/sessions/" + session + "/reinstate", null);

		assertThat(reinstated.status()).as(reinstated.body()).isEqualTo(200);
		assertThat(reinstated.json().get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(reinstated.json().get("id").asLong()).isEqualTo(session);
		assertThat(reinstated.json().get("participantIds")).isEqualTo(before.get("participantIds"));
		assertThat(coordinator.get("/api/sessions/" + session).json().get("status").asString()).isEqualTo("SCHEDULED");
	}

	@Test
	void aReinstatedSessionCountsInTheWeeklyDoseAgain() {
		long session = thursdayNextWeek();
		cancel(session);
		assertThat(scheduledMinutes(alice, "2026-W49")).isEqualTo(360);

		coordinator.post("/api/sessions/" + session + "/reinstate", null);

		assertThat(scheduledMinutes(alice, "2026-W49")).isEqualTo(540);
	}

	@Test
	void reinstatingIsAuditedAsAChangeForEveryoneOnTheRoster() {
		long session = thursdayNextWeek();
		cancel(session);

		coordinator.post("/api/sessions/" + session + "/reinstate", null);

		for (Person someone : List.of(alice, bob)) {
			assertThat(auditLog.search(someone.id(), null, null, null, 0, 100).getContent())
				.filteredOn(line -> line.getAction() == AuditAction.REINSTATE_SESSION)
				.singleElement()
				.satisfies(line -> assertThat(line.getAction().isChange()).isTrue())
				.extracting(AuditEvent::getMethod)
				.isEqualTo("POST");
		}
	}

	@Test
	void aSessionThatIsNotCancelledCannotBeReinstated() {
		Reply refused = coordinator.post("/api/sessions/" + thursdayNextWeek() + "/reinstate", null);

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("rule").asString()).isEqualTo("session.not-cancelled");
	}

	@Test
	void aSessionOnAClosedDayIsNotReinstated() {
		long session = thursdayNextWeek();
		assertThat(coordinator
			.post("/api/programs/" + program + "/closures", Api.body("date", "2026-12-03", "reason", "snow day"))
			.status()).isEqualTo(201);

		Reply refused = coordinator.post("/api/sessions/" + session + "/reinstate", null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("rule").asString()).isEqualTo("session.day-closed");
		assertThat(coordinator.get("/api/sessions/" + session).json().get("status").asString()).isEqualTo("CANCELLED");
	}

	@Test
	void aSessionCancelledAloneIsNotReinstatedOnceItsDayWasClosedMeanwhile() {
		long session = thursdayNextWeek();
		cancel(session);
		coordinator.post("/api/programs/" + program + "/closures", Api.body("date", "2026-12-03", "reason", "snow"));

		Reply refused = coordinator.post("/api/sessions/" + session + "/reinstate", null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("rule").asString()).isEqualTo("session.day-closed");
	}

	@Test
	void anUnknownSessionIsNotFound() {
		assertThat(coordinator.post("/api/sessions/987654321/reinstate", null).status()).isEqualTo(404);
	}

	@Test
	void onlyCoordinatorsReinstate() {
		long session = thursdayNextWeek();
		cancel(session);

		assertThat(alice.api().post("/api/sessions/" + session + "/reinstate", null).status()).isEqualTo(403);
	}

	int scheduledMinutes(Person participant, String week) {
		for (JsonNode row : coordinator.get("/api/programs/" + program + "/dosage?week=" + week)
			.json()
			.get("participants")) {
			if (row.get("participantId").asLong() == participant.id()) {
				return row.get("scheduledMinutes").asInt();
			}
		}
		throw new AssertionError("no dose row for " + participant.id());
	}

}
