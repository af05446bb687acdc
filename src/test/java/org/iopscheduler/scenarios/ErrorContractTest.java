package org.iopscheduler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iopscheduler.support.Api;
import org.iopscheduler.support.Api.Reply;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every refusal is RFC 9457 problem JSON whose detail names the field and the rule. */
class ErrorContractTest extends ApplicationTest {

	static void problem(Reply reply, int status, String... detailMentions) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("status").asInt()).isEqualTo(status);
		assertThat(reply.json().get("title").asString()).isNotBlank();
		assertThat(reply.json().get("detail").asString()).contains(detailMentions);
	}

	Reply newBlock(long program, Object... fields) {
		var body = Api.body("type", "GROUP", "title", "t", "dayOfWeek", "MONDAY", "startTime", "09:00",
				"durationMinutes", 60, "counselorId", counselor().id(), "location", "Room 2");
		for (int i = 0; i < fields.length; i += 2) {
			body.put((String) fields[i], fields[i + 1]);
		}
		return coordinator.post("/api/programs/" + program + "/blocks", body);
	}

	@Nested
	class BadRequests {

		@Test
		void malformedJsonIsABadRequest() {
			problem(coordinator.post("/api/programs", "{\"name\": "), 400, "JSON");
		}

		@Test
		void anUnknownEnumValueNamesTheFieldAndTheAllowedValues() {
			problem(coordinator.post("/api/programs", Api.body("name", "x", "population", "CHILD", "timeZone", "UTC")),
					400, "population", "ADULT");
		}

		@Test
		void aTimeOfDayLike2500IsABadRequest() {
			problem(newBlock(program("ADULT", "UTC"), "startTime", "25:00"), 400, "startTime", "HH:mm");
		}

		@Test
		void aNegativeDurationNamesTheRange() {
			problem(newBlock(program("ADULT", "UTC"), "durationMinutes", -5), 400, "durationMinutes");
		}

		@Test
		void aDurationAbove720IsABadRequest() {
			problem(newBlock(program("ADULT", "UTC"), "durationMinutes", 721), 400, "durationMinutes");
		}

		@Test
		void anIndividualBlockWithTwoPlacesIsABadRequest() {
			problem(newBlock(program("ADULT", "UTC"), "type", "INDIVIDUAL", "capacity", 2), 400, "capacity");
		}

		@Test
		void aWrongTypeNamesTheField() {
			problem(newBlock(program("ADULT", "UTC"), "durationMinutes", "long"), 400, "durationMinutes");
		}

		@Test
		void aMissingRequiredFieldIsNamed() {
			problem(coordinator.post("/api/programs", Api.body("population", "ADULT", "timeZone", "UTC")), 400, "name");
		}

		@Test
		void anUnknownTimeZoneIsABadRequest() {
			problem(coordinator.post("/api/programs",
					Api.body("name", "x", "population", "ADULT", "timeZone", "Mars/Olympus")), 400, "timeZone");
		}

		@Test
		void aFixedOffsetTimeZoneIsABadRequestNamingTimeZone() {
			Reply offset = coordinator.post("/api/programs",
					Api.body("name", "New York evening", "population", "ADULT", "timeZone", "-05:00"));
			problem(offset, 400, "timeZone", "-05:00", "daylight saving", "America/New_York");
			assertThat(coordinator.get("/api/programs").body()).doesNotContain("\"-05:00\"");
		}

		@Test
		void anEnrolmentDateOutsideTheAcceptedRangeIsABadRequestNamingTheField() {
			long program = program("ADULT", "America/New_York");
			long block = block(program, counselor().id(), "MONDAY", "09:00", 540);
			problem(enrol(program, participant().id(), "9999-01-01", List.of(block)), 400, "startDate",
					"1900-01-01 to 2200-12-31");
			problem(coordinator.post("/api/programs/" + program + "/enrollments",
					Api.body("participantId", participant().id(), "startDate", "2026-11-02", "endDate",
							"+999999999-12-31", "blockIds", List.of(block))),
					400, "endDate", "1900-01-01 to 2200-12-31");
		}

		@Test
		void aWeekOutsideTheAcceptedRangeNamesTheRange() {
			problem(coordinator.get("/api/programs/" + program("ADULT", "UTC") + "/sessions?week=9998-W01"), 400,
					"week", "1900-W01 to 2201-W01");
		}

		@Test
		void aBadWeekParameterNamesTheFormat() {
			problem(coordinator.get("/api/programs/" + program("ADULT", "UTC") + "/sessions?week=2026-48"), 400, "week",
					"YYYY-Www");
		}

		@Test
		void aNonNumericIdIsABadRequest() {
			problem(coordinator.get("/api/programs/abc"), 400, "id");
		}

	}

	@Nested
	class RuleViolations {

		@Test
		void aMinimumBelowTheFloorIsRefused() {
			problem(coordinator.post("/api/programs",
					Api.body("name", "x", "population", "ADULT", "timeZone", "UTC", "minimumWeeklyMinutes", 500)), 422,
					"540");
		}

		@Test
		void loweringAProgramsMinimumIsRefusedAndRaisingItIsAllowed() {
			long program = created(coordinator.post("/api/programs",
					Api.body("name", "x", "population", "ADULT", "timeZone", "UTC", "minimumWeeklyMinutes", 600)));
			assertThat(coordinator.put("/api/programs/" + program, Api.body("minimumWeeklyMinutes", 660)).status())
				.isEqualTo(200);
			problem(coordinator.put("/api/programs/" + program, Api.body("minimumWeeklyMinutes", 600)), 422,
					"only be raised");
			assertThat(coordinator.get("/api/programs/" + program).json().get("minimumWeeklyMinutes").asInt())
				.isEqualTo(660);
		}

		@Test
		void aProgramsZoneMayBeSentBackUnchangedButNeverChanged() {
			long program = program("ADULT", "America/New_York");
			assertThat(coordinator
				.put("/api/programs/" + program, Api.body("name", "Renamed", "timeZone", "America/New_York"))
				.status()).isEqualTo(200);
			problem(coordinator.put("/api/programs/" + program, Api.body("timeZone", "America/Chicago")), 422,
					"timeZone", "America/New_York");
			problem(coordinator.put("/api/programs/" + program, Api.body("timeZone", "-05:00")), 400, "timeZone",
					"daylight saving");
			assertThat(coordinator.get("/api/programs/" + program).json().get("timeZone").asString())
				.isEqualTo("America/New_York");
		}

		@Test
		void aPlanBelowTheMinimumNamesBothNumbers() {
			long program = program("ADULT", "America/New_York");
			Person counselor = counselor();
			long monday = block(program, counselor.id(), "MONDAY", "18:00", 180);
			problem(enrol(program, participant().id(), "2026-11-02", List.of(monday)), 422, "180", "540");
		}

	}

	@Nested
	class Conflicts {

		@Test
		void aDuplicateUsernameIsAConflict() {
			var body = Api.body("username", unique("dup"), "password", "password-1", "fullName", "A", "role",
					"COUNSELOR");
			assertThat(coordinator.post("/api/staff", body).status()).isEqualTo(201);
			problem(coordinator.post("/api/staff", body), 409, "username");
		}

		@Test
		void aCounselorIsNeverDoubleBookedAcrossPrograms() {
			Person counselor = counselor();
			block(program("ADULT", "America/New_York"), counselor.id(), "MONDAY", "18:00", 180);
			long other = program("ADOLESCENT", "America/New_York");
			problem(coordinator.post("/api/programs/" + other + "/blocks",
					Api.body("type", "GROUP", "title", "t", "dayOfWeek", "MONDAY", "startTime", "20:00",
							"durationMinutes", 60, "counselorId", counselor.id(), "location", "Room 2")),
					409, "counselorId");
			assertThat(coordinator.get("/api/programs/" + other + "/blocks").json()).isEmpty();
		}

		@Test
		void twoChosenBlocksThatOverlapAreAConflict() {
			long program = program("ADULT", "America/New_York");
			long a = block(program, counselor().id(), "MONDAY", "09:00", 300);
			long b = block(program, counselor().id(), "MONDAY", "12:00", 300);
			problem(enrol(program, participant().id(), "2026-11-02", List.of(a, b)), 409, "overlap");
		}

		@Test
		void aSecondEnrollmentWithOverlappingDatesInTheSameProgramIsAConflict() {
			long program = program("ADULT", "America/New_York");
			long block = block(program, counselor().id(), "MONDAY", "09:00", 540);
			long participant = participant().id();
			assertThat(enrol(program, participant, "2026-11-02", List.of(block)).status()).isEqualTo(201);
			problem(enrol(program, participant, "2026-12-07", List.of(block)), 409, "already has enrollment");
		}

		/**
		 * Decision: one level of care at a time, so two programs may not share a day; a
		 * transfer may.
		 */
		@Test
		void aParticipantIsInOneProgramAtATimeButMayTransferTheNextDay() {
			long evening = program("ADULT", "America/New_York");
			long day = program("ADULT", "America/New_York");
			long eveningBlock = block(evening, counselor().id(), "MONDAY", "09:00", 540);
			long dayBlock = block(day, counselor().id(), "TUESDAY", "09:00", 540);
			long participant = participant().id();
			long enrollment = created(enrol(evening, participant, "2026-11-02", List.of(eveningBlock)));
			problem(enrol(day, participant, "2026-11-18", List.of(dayBlock)), 409, "one program at a time");
			assertThat(coordinator
				.post("/api/enrollments/" + enrollment + "/discharge",
						Api.body("date", "2026-11-17", "reason", "stepped up to day program"))
				.status()).isEqualTo(200);
			assertThat(enrol(day, participant, "2026-11-18", List.of(dayBlock)).status()).isEqualTo(201);
			var weeks = coordinator.get("/api/participants/" + participant + "/dosage?from=2026-W47&to=2026-W47")
				.json();
			assertThat(weeks.get(0).get("status").asString()).isEqualTo("PARTIAL_WEEK");
		}

	}

	/**
	 * A refusal is a value: the problem carries which rule said no, which field, and the
	 * numbers, beside the detail the contract asks for.
	 */
	@Nested
	class RefusalMembers {

		@Test
		void aPlanBelowTheMinimumNamesItsRuleFieldAndNumbers() {
			long program = program("ADULT", "America/New_York");
			long monday = block(program, counselor().id(), "MONDAY", "18:00", 480);
			Reply refused = enrol(program, participant().id(), "2026-11-02", List.of(monday));
			problem(refused, 422, "blockIds: the plan gives 480 minutes a week", "540");
			assertThat(refused.json().get("rule").asString()).isEqualTo("plan.below-minimum");
			assertThat(refused.json().get("field").asString()).isEqualTo("blockIds");
			assertThat(refused.json().get("facts").get("plannedMinutes").asInt()).isEqualTo(480);
			assertThat(refused.json().get("facts").get("minimumMinutes").asInt()).isEqualTo(540);
			assertThat(refused.json().get("facts").get("from").asString()).isEqualTo("2026-11-02");
		}

		@Test
		void overlappingBlocksNameBothBlocks() {
			long program = program("ADULT", "America/New_York");
			long a = block(program, counselor().id(), "MONDAY", "09:00", 300);
			long b = block(program, counselor().id(), "MONDAY", "12:00", 300);
			Reply refused = enrol(program, participant().id(), "2026-11-02", List.of(a, b));
			problem(refused, 409, "blockIds: blocks", "overlap");
			assertThat(refused.json().get("rule").asString()).isEqualTo("plan.overlap");
			assertThat(List.of(refused.json().get("facts").get("blockId").asLong(),
					refused.json().get("facts").get("otherBlockId").asLong()))
				.containsExactlyInAnyOrder(a, b);
		}

		@Test
		void aMinimumBelowThePopulationFloorNamesTheFloor() {
			Reply refused = coordinator.post("/api/programs",
					Api.body("name", "x", "population", "ADULT", "timeZone", "UTC", "minimumWeeklyMinutes", 500));
			problem(refused, 422, "minimumWeeklyMinutes 500 is below the ADULT floor of 540");
			assertThat(refused.json().get("rule").asString()).isEqualTo("program.minimum-below-floor");
			assertThat(refused.json().get("field").asString()).isEqualTo("minimumWeeklyMinutes");
			assertThat(refused.json().get("facts").get("floorMinutes").asInt()).isEqualTo(540);
		}

		@Test
		void aDoubleBookedCounselorIsNamedWithTheDayTheyCollide() {
			Person counselor = counselor();
			block(program("ADULT", "America/New_York"), counselor.id(), "MONDAY", "18:00", 180);
			Reply refused = coordinator.post("/api/programs/" + program("ADOLESCENT", "America/New_York") + "/blocks",
					Api.body("type", "GROUP", "title", "t", "dayOfWeek", "MONDAY", "startTime", "20:00",
							"durationMinutes", 60, "counselorId", counselor.id(), "location", "Room 2"));
			problem(refused, 409, "counselorId: counselor " + counselor.id());
			assertThat(refused.json().get("rule").asString()).isEqualTo("counselor.double-booked");
			assertThat(refused.json().get("facts").get("counselorId").asLong()).isEqualTo(counselor.id());
		}

		@Test
		void aRefusalKnownOnlyByItsSentenceNamesTheGeneralRuleOfItsKind() {
			Reply refused = coordinator.get("/api/programs/999999");
			problem(refused, 404, "no program with id 999999");
			assertThat(refused.json().get("rule").asString()).isEqualTo("record.not-found");
			assertThat(refused.json().has("facts")).isFalse();
		}

	}

	@Nested
	class WhoMayDoWhat {

		@Test
		void noCredentialsIsUnauthorizedWithProblemJson() {
			problem(new Api(port, null, null).get("/api/programs"), 401, "sign in");
		}

		@Test
		void aWrongPasswordIsUnauthorized() {
			assertThat(coordinator.as(ADMIN, "wrong-password").get("/api/programs").status()).isEqualTo(401);
		}

		@Test
		void aCounselorMayReadProgramsButNotCreateThem() {
			Person counselor = counselor();
			assertThat(counselor.api().get("/api/programs").status()).isEqualTo(200);
			problem(counselor.api()
				.post("/api/programs", Api.body("name", "x", "population", "ADULT", "timeZone", "UTC")), 403, "role");
		}

		@Test
		void aParticipantMayNotListPrograms() {
			problem(participant().api().get("/api/programs"), 403, "role");
		}

		@Test
		void noResponseEverContainsAPassword() {
			String username = unique("secret");
			Reply reply = coordinator.post("/api/participants", Api.body("username", username, "password",
					"hunter2-hunter2", "fullName", "P", "dateOfBirth", "1990-01-01"));
			assertThat(reply.body()).doesNotContain("hunter2").doesNotContain("password");
			assertThat(coordinator.get("/api/participants").body()).doesNotContain("hunter2")
				.doesNotContain("{bcrypt}");
		}

	}

	@Test
	void healthIsOpenAndTheApiIsDocumented() {
		Api anonymous = new Api(port, null, null);
		assertThat(anonymous.get("/actuator/health").body()).contains("\"UP\"");
		Reply docs = anonymous.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/programs/{programId}/dosage", "/api/sessions/{sessionId}/make-ups",
				"/api/sessions/{sessionId}/attendance/history", "/api/programs/{programId}/closures");
	}

}
