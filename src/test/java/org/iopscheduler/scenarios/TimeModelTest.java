package org.iopscheduler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iopscheduler.support.Api;
import org.iopscheduler.support.Api.Reply;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * #10's time model over HTTP: dated changes state what holds from their date on, what was
 * attended is history, capacity is per session. An adult program in New York with
 * 180-minute evening blocks on Monday, Tuesday, Thursday and Friday; "now" is Wednesday
 * 25 November 2026 (2026-W48).
 */
class TimeModelTest extends ApplicationTest {

	long program;

	Person counselor;

	long monday;

	long tuesday;

	long thursday;

	long friday;

	Person pat;

	@BeforeEach
	void anEveningProgram() {
		program = program("ADULT", "America/New_York");
		counselor = counselor();
		monday = block(program, counselor.id(), "MONDAY", "18:00", 180);
		tuesday = block(program, counselor.id(), "TUESDAY", "18:00", 180);
		thursday = block(program, counselor.id(), "THURSDAY", "18:00", 180);
		friday = block(program, counselor.id(), "FRIDAY", "18:00", 180);
		pat = participant();
	}

	long enrolled(String startDate, List<Long> blocks) {
		return created(enrol(program, pat.id(), startDate, blocks));
	}

	Reply enrolUntil(String startDate, String endDate, List<Long> blocks) {
		return coordinator.post("/api/programs/" + program + "/enrollments",
				Api.body("participantId", pat.id(), "startDate", startDate, "endDate", endDate, "blockIds", blocks));
	}

	Reply changePlan(long enrollment, String from, List<Long> blocks) {
		return coordinator.put("/api/enrollments/" + enrollment + "/blocks",
				Api.body("blockIds", blocks, "effectiveFrom", from));
	}

	JsonNode session(String week, long block) {
		for (JsonNode session : coordinator.get("/api/programs/" + program + "/sessions?week=" + week).json()) {
			if (session.get("blockId").asLong() == block) {
				return session;
			}
		}
		throw new AssertionError("no session of block " + block + " in " + week);
	}

	static List<Long> ids(JsonNode array) {
		List<Long> ids = new java.util.ArrayList<>();
		array.forEach(n -> ids.add(n.asLong()));
		return ids;
	}

	@Nested
	class PlanChanges {

		@Test
		void aChangeDatedBeforeAScheduledChangeReplacesItAndKeepsThursdayOnTheRoster() {
			// break 1 of #10
			long enrollment = enrolled("2026-11-30", List.of(monday, tuesday, thursday));
			assertThat(changePlan(enrollment, "2026-12-14", List.of(monday, tuesday, friday)).status()).isEqualTo(200);
			Reply earlier = changePlan(enrollment, "2026-12-07", List.of(monday, tuesday, thursday));
			assertThat(earlier.status()).as(earlier.body()).isEqualTo(200);
			assertThat(earlier.json().get("replacedChanges")).singleElement()
				.satisfies(r -> assertThat(r.get("from").asString()).isEqualTo("2026-12-14"));
			assertThat(ids(session("2026-W51", thursday).get("participantIds"))).contains(pat.id());
			assertThat(ids(session("2026-W51", friday).get("participantIds"))).doesNotContain(pat.id());
			JsonNode timeline = coordinator.get("/api/enrollments/" + enrollment).json().get("timeline");
			assertThat(timeline).singleElement()
				.satisfies(s -> assertThat(s.get("plannedWeeklyMinutes").asInt()).isEqualTo(540));
		}

		@Test
		void aCorrectionOnTheSameDateReplacesTheEarlierOne() {
			// break 2 of #10: used to answer 409 for ever
			long enrollment = enrolled("2026-11-30", List.of(monday, tuesday, thursday));
			assertThat(changePlan(enrollment, "2026-12-14", List.of(monday, tuesday, friday)).status()).isEqualTo(200);
			Reply corrected = changePlan(enrollment, "2026-12-14", List.of(monday, thursday, friday));
			assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
			assertThat(corrected.json().get("replacedChanges")).singleElement()
				.satisfies(r -> assertThat(ids(r.get("blockIds"))).containsExactlyInAnyOrder(monday, tuesday, friday));
			assertThat(ids(session("2026-W51", tuesday).get("participantIds"))).doesNotContain(pat.id());
			assertThat(ids(session("2026-W51", thursday).get("participantIds"))).contains(pat.id());
		}

		@Test
		void aPlanThatFallsBelowTheMinimumWhenABlockEndsIsRefusedNamingTheStretch() {
			assertThat(coordinator.post("/api/blocks/" + friday + "/end", Api.body("date", "2027-01-04")).status())
				.isEqualTo(200);
			Reply refused = enrol(program, pat.id(), "2026-11-30", List.of(monday, tuesday, friday));
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.json().get("detail").asString()).contains("360", "540", "from 2027-01-04 on");
			Reply until = enrolUntil("2026-11-30", "2027-01-03", List.of(monday, tuesday, friday));
			assertThat(until.status()).as(until.body()).isEqualTo(201);
		}

	}

	@Nested
	class BlockChanges {

		Reply changeBlock(long block, Object... fields) {
			return coordinator.put("/api/blocks/" + block, Api.body(fields));
		}

		@Test
		void aRoomChangeFromAnEarlierDateIsNotUndoneByALaterScheduledChange() {
			// break 3 of #10: a change from 10 Dec (17:30), then the room from 3 Dec
			assertThat(changeBlock(thursday, "effectiveFrom", "2026-12-10", "startTime", "17:30").status())
				.isEqualTo(200);
			Reply room = changeBlock(thursday, "effectiveFrom", "2026-12-03", "location", "Room 9");
			assertThat(room.status()).as(room.body()).isEqualTo(200);
			assertThat(room.json().get("replacedChanges")).singleElement()
				.satisfies(r -> assertThat(r.get("validFrom").asString()).isEqualTo("2026-12-10"));
			for (String week : List.of("2026-W49", "2026-W50", "2026-W51")) {
				JsonNode session = session(week, thursday);
				assertThat(session.get("location").asString()).as(week).isEqualTo("Room 9");
				assertThat(session.get("startsAt").asString()).as(week).contains("T18:00");
			}
		}

		@Test
		void aBlockCorrectionOnTheSameDateReplacesTheEarlierOne() {
			// break 2 of #10, for blocks
			assertThat(changeBlock(thursday, "effectiveFrom", "2026-12-10", "startTime", "17:30").status())
				.isEqualTo(200);
			Reply corrected = changeBlock(thursday, "effectiveFrom", "2026-12-10", "startTime", "17:00");
			assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
			assertThat(corrected.json().get("versions")).hasSize(2);
			assertThat(session("2026-W50", thursday).get("startsAt").asString()).contains("T17:00");
		}

		@Test
		void theBlockShowsItsScheduledChanges() {
			assertThat(changeBlock(thursday, "effectiveFrom", "2026-12-10", "startTime", "17:30").status())
				.isEqualTo(200);
			JsonNode versions = coordinator.get("/api/blocks/" + thursday).json().get("versions");
			assertThat(versions).hasSize(2);
			assertThat(versions.get(1).get("validFrom").asString()).isEqualTo("2026-12-10");
			assertThat(versions.get(1).get("startTime").asString()).isEqualTo("17:30");
		}

	}

	@Nested
	class WhatWasAttendedIsHistory {

		long enrollment;

		long thursdaySession;

		@BeforeEach
		void thursdayWasAttended() {
			enrollment = enrolled("2026-11-16", List.of(monday, tuesday, thursday));
			thursdaySession = session("2026-W47", thursday).get("id").asLong();
			assertThat(counselor.api()
				.put("/api/sessions/" + thursdaySession + "/attendance/" + pat.id(), Api.body("status", "PRESENT"))
				.status()).isEqualTo(200);
		}

		@Test
		void aBackDatedPlanChangeThatWouldDropAnAttendedSessionIsRefused() {
			// break 4 of #10
			Reply refused = changePlan(enrollment, "2026-11-16", List.of(monday, tuesday, friday));
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.json().get("detail").asString()).contains("effectiveFrom", "2026-11-19",
					String.valueOf(thursdaySession));
			assertThat(ids(session("2026-W47", thursday).get("participantIds"))).contains(pat.id());
			assertThat(changePlan(enrollment, "2026-11-20", List.of(monday, tuesday, friday)).status()).isEqualTo(200);
		}

		@Test
		void aDischargeBeforeAnAttendedSessionIsRefused() {
			// break 4 of #10
			Reply refused = coordinator.post("/api/enrollments/" + enrollment + "/discharge",
					Api.body("date", "2026-11-17", "reason", "moved away"));
			assertThat(refused.status()).isEqualTo(422);
			assertThat(refused.json().get("detail").asString()).contains("date", "2026-11-19");
			JsonNode row = coordinator.get("/api/programs/" + program + "/dosage?week=2026-W47")
				.json()
				.get("participants");
			assertThat(row.findValues("attendedMinutes")).extracting(JsonNode::asInt).contains(180);
			assertThat(coordinator
				.post("/api/enrollments/" + enrollment + "/discharge",
						Api.body("date", "2026-11-19", "reason", "moved away"))
				.status()).isEqualTo(200);
		}

	}

	@Nested
	class CapacityPerSession {

		long group;

		@BeforeEach
		void aGroupOfTwo() {
			group = block(program, counselor.id(), "WEDNESDAY", "18:00", 180, "capacity", 2);
		}

		long enrolledIn(String start, String end) {
			var body = Api.body("participantId", participant().id(), "startDate", start, "blockIds",
					List.of(monday, tuesday, group));
			if (end != null) {
				body.put("endDate", end);
			}
			return created(coordinator.post("/api/programs/" + program + "/enrollments", body));
		}

		@Test
		void aThirdParticipantFitsWhenTheFirstLeavesBeforeTheSecondArrives() {
			// break 6 of #10
			enrolledIn("2026-11-30", "2026-12-20");
			enrolledIn("2027-01-04", null);
			assertThat(enrolledIn("2026-11-30", null)).isPositive();
			Reply full = enrol(program, pat.id(), "2026-11-30", List.of(monday, tuesday, group));
			assertThat(full.status()).isEqualTo(409);
			assertThat(full.json().get("detail").asString()).contains("is full on 2026-12-02", "2 of 2");
			Reply later = enrolUntil("2026-12-21", "2027-01-03", List.of(monday, tuesday, group));
			assertThat(later.status()).as(later.body()).isEqualTo(201);
		}

	}

	@Nested
	class MakeUps {

		@Test
		void aCancelledMakeUpAnswersWithTheParticipantsItNamed() {
			enrolled("2026-11-16", List.of(monday, tuesday, thursday));
			long missed = session("2026-W47", monday).get("id").asLong();
			Reply makeUp = coordinator.post("/api/sessions/" + missed + "/make-ups",
					Api.body("date", "2026-12-05", "startTime", "10:00", "durationMinutes", 180, "counselorId",
							counselor.id(), "location", "Room 3", "participantIds", List.of(pat.id())));
			assertThat(makeUp.status()).as(makeUp.body()).isEqualTo(201);
			Reply cancelled = coordinator.post("/api/sessions/" + makeUp.id() + "/cancel", Api.body("reason", "snow"));
			assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
			assertThat(ids(cancelled.json().get("participantIds"))).containsExactly(pat.id());
		}

	}

}
