package org.iopscheduler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.iopscheduler.support.Api;
import org.iopscheduler.support.Api.Reply;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A clinic's week over HTTP with credentials: an adult evening IOP in New York, Monday,
 * Wednesday and Thursday 18:00 for 180 minutes. "Now" is Wednesday 25 November 2026 07:00
 * in New York.
 */
class ClinicWeekTest extends ApplicationTest {

	long program;

	Person counselor;

	List<Long> blocks;

	Person alice;

	@BeforeEach
	void anEveningProgramWithOneParticipant() {
		program = program("ADULT", "America/New_York");
		counselor = counselor();
		blocks = new ArrayList<>();
		for (String day : List.of("MONDAY", "WEDNESDAY", "THURSDAY")) {
			blocks.add(block(program, counselor.id(), day, "18:00", 180));
		}
		alice = participant();
		assertThat(enrol(program, alice.id(), "2026-11-02", blocks).status()).isEqualTo(201);
	}

	JsonNode sessions(String week) {
		Reply reply = coordinator.get("/api/programs/" + program + "/sessions?week=" + week);
		assertThat(reply.status()).isEqualTo(200);
		return reply.json();
	}

	Reply mark(Api as, long session, long participant, String status, Integer minutes) {
		return as.put("/api/sessions/" + session + "/attendance/" + participant,
				minutes == null ? Api.body("status", status) : Api.body("status", status, "minutesAttended", minutes));
	}

	JsonNode doseOf(long participant, String week) {
		for (JsonNode row : coordinator.get("/api/programs/" + program + "/dosage?week=" + week)
			.json()
			.get("participants")) {
			if (row.get("participantId").asLong() == participant) {
				return row;
			}
		}
		throw new AssertionError("no dose row for " + participant);
	}

	@Test
	void aFullyAttendedWeekMeetsTheMinimumAndAMissedSessionLeavesItUnderDosed() {
		Person bob = participant();
		assertThat(enrol(program, bob.id(), "2026-11-02", blocks).status()).isEqualTo(201);
		JsonNode week = sessions("2026-W47");
		assertThat(week).hasSize(3);
		for (int i = 0; i < 3; i++) {
			long session = week.get(i).get("id").asLong();
			assertThat(mark(counselor.api(), session, alice.id(), "PRESENT", null).status()).isEqualTo(200);
			assertThat(
					mark(counselor.api(), session, bob.id(), i == 0 ? "LATE" : "PRESENT", i == 0 ? 120 : null).status())
				.isEqualTo(200);
		}
		JsonNode aliceRow = doseOf(alice.id(), "2026-W47");
		assertThat(aliceRow.get("status").asString()).isEqualTo("MET");
		assertThat(aliceRow.get("attendedMinutes").asInt()).isEqualTo(540);
		JsonNode bobRow = doseOf(bob.id(), "2026-W47");
		assertThat(bobRow.get("status").asString()).isEqualTo("UNDER_DOSED");
		assertThat(bobRow.get("attendedMinutes").asInt()).isEqualTo(480);
		assertThat(bobRow.get("scheduledMinutes").asInt()).isEqualTo(540);
		// enrolled since Monday 2 November with nothing marked in weeks 45 and 46: the
		// third week running
		assertThat(bobRow.get("consecutiveUnderDosedWeeks").asInt()).isEqualTo(3);
		assertThat(aliceRow.get("consecutiveUnderDosedWeeks").asInt()).isZero();
	}

	@Test
	void sessionsCarryTheProgramZonesOffsetOnEachSideOfTheClockChange() {
		JsonNode before = sessions("2026-W44").get(0);
		JsonNode after = sessions("2026-W45").get(0);
		assertThat(before.get("startsAt").asString()).isEqualTo("2026-10-26T18:00:00-04:00");
		assertThat(after.get("startsAt").asString()).isEqualTo("2026-11-02T18:00:00-05:00");
		assertThat(after.get("endsAt").asString()).isEqualTo("2026-11-02T21:00:00-05:00");
	}

	@Test
	void theSameWeekAskedTwiceHasTheSameSessionIds() {
		List<Long> first = new ArrayList<>();
		sessions("2026-W50").forEach(s -> first.add(s.get("id").asLong()));
		List<Long> second = new ArrayList<>();
		sessions("2026-W50").forEach(s -> second.add(s.get("id").asLong()));
		assertThat(second).hasSize(3).isEqualTo(first);
	}

	@Test
	void theWeekInProgressIsOnTrackWhileTheRemainingSessionsCanReachTheMinimum() {
		long monday = sessions("2026-W48").get(0).get("id").asLong();
		mark(coordinator, monday, alice.id(), "PRESENT", null);
		JsonNode row = doseOf(alice.id(), "2026-W48");
		assertThat(row.get("status").asString()).isEqualTo("ON_TRACK");
		assertThat(row.get("unmarkedSessions").asInt()).isZero();
		mark(coordinator, monday, alice.id(), "ABSENT", null);
		assertThat(doseOf(alice.id(), "2026-W48").get("status").asString()).isEqualTo("AT_RISK");
	}

	@Nested
	class Attendance {

		@Test
		void markingTheSameValueTwiceChangesNothingAndEveryChangeIsKept() {
			long session = sessions("2026-W47").get(0).get("id").asLong();
			mark(counselor.api(), session, alice.id(), "PRESENT", null);
			mark(counselor.api(), session, alice.id(), "PRESENT", null);
			mark(coordinator, session, alice.id(), "LEFT_EARLY", 150);
			JsonNode history = coordinator.get("/api/sessions/" + session + "/attendance/history").json();
			assertThat(history).hasSize(2);
			assertThat(history.get(0).get("oldStatus").isNull()).isTrue();
			assertThat(history.get(0).get("newStatus").asString()).isEqualTo("PRESENT");
			assertThat(history.get(0).get("changedBy").asLong()).isEqualTo(counselor.id());
			assertThat(history.get(1).get("oldStatus").asString()).isEqualTo("PRESENT");
			assertThat(history.get(1).get("newStatus").asString()).isEqualTo("LEFT_EARLY");
			assertThat(history.get(1).get("newMinutesAttended").asInt()).isEqualTo(150);
			JsonNode sheet = coordinator.get("/api/sessions/" + session + "/attendance").json();
			assertThat(sheet.get(0).get("status").asString()).isEqualTo("LEFT_EARLY");
			assertThat(sheet.get(0).get("markedAt").asString()).isNotBlank();
		}

		@Test
		void aCounselorMayNotReadTheHistoryOnlyACoordinator() {
			long session = sessions("2026-W47").get(0).get("id").asLong();
			assertThat(counselor.api().get("/api/sessions/" + session + "/attendance/history").status()).isEqualTo(403);
		}

		@Test
		void aSessionThatHasNotStartedCannotBeMarked() {
			long wednesday = sessions("2026-W48").get(1).get("id").asLong();
			Reply reply = mark(counselor.api(), wednesday, alice.id(), "PRESENT", null);
			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.json().get("detail").asString()).contains("has started");
		}

		@Test
		void aCancelledSessionCannotBeMarked() {
			long session = sessions("2026-W47").get(0).get("id").asLong();
			assertThat(coordinator.post("/api/sessions/" + session + "/cancel", Api.body("reason", "snow")).status())
				.isEqualTo(200);
			assertThat(mark(coordinator, session, alice.id(), "PRESENT", null).status()).isEqualTo(422);
		}

		@Test
		void aSessionWithAttendanceCannotBeCancelled() {
			long session = sessions("2026-W47").get(0).get("id").asLong();
			mark(coordinator, session, alice.id(), "PRESENT", null);
			assertThat(coordinator.post("/api/sessions/" + session + "/cancel", Api.body("reason", "x")).status())
				.isEqualTo(422);
		}

		@Test
		void aParticipantNotOnTheRosterIsNotFound() {
			long session = sessions("2026-W47").get(0).get("id").asLong();
			assertThat(mark(coordinator, session, participant().id(), "PRESENT", null).status()).isEqualTo(404);
		}

		@Test
		void aCounselorWhoDoesNotFacilitateTheSessionIsForbidden() {
			long session = sessions("2026-W47").get(0).get("id").asLong();
			assertThat(mark(counselor().api(), session, alice.id(), "PRESENT", null).status()).isEqualTo(403);
		}

		@Test
		void lateWithoutMinutesIsABadRequestNamingTheField() {
			long session = sessions("2026-W47").get(0).get("id").asLong();
			Reply reply = mark(coordinator, session, alice.id(), "LATE", null);
			assertThat(reply.status()).isEqualTo(400);
			assertThat(reply.json().get("detail").asString()).contains("minutesAttended");
		}

		@Test
		void aParticipantMayNotMarkAttendance() {
			long session = sessions("2026-W47").get(0).get("id").asLong();
			assertThat(mark(alice.api(), session, alice.id(), "PRESENT", null).status()).isEqualTo(403);
		}

	}

	@Nested
	class CalendarChanges {

		@Test
		void aClosureCancelsEverySessionThatDayAndCanBeUndone() {
			Reply closed = coordinator.post("/api/programs/" + program + "/closures",
					Api.body("date", "2026-12-24", "reason", "Christmas Eve"));
			assertThat(closed.status()).isEqualTo(201);
			assertThat(closed.json().get("cancelledSessionIds")).hasSize(1);
			JsonNode thursday = sessions("2026-W52").get(2);
			assertThat(thursday.get("status").asString()).isEqualTo("CANCELLED");
			assertThat(doseOf(alice.id(), "2026-W52").get("scheduledMinutes").asInt()).isEqualTo(360);

			assertThat(coordinator.delete("/api/programs/" + program + "/closures/" + closed.id()).status())
				.isEqualTo(200);
			assertThat(sessions("2026-W52").get(2).get("status").asString()).isEqualTo("SCHEDULED");
			assertThat(sessions("2026-W52").get(2).get("id").asLong()).isEqualTo(thursday.get("id").asLong());
		}

		@Test
		void aClosureDeclaredBeforeTheWeekIsMadeStillCancelsItsSessions() {
			coordinator.post("/api/programs/" + program + "/closures", Api.body("date", "2027-01-04", "reason", "x"));
			assertThat(sessions("2027-W01").get(0).get("status").asString()).isEqualTo("CANCELLED");
		}

		@Test
		void movingABlockFromADateLeavesEarlierSessionsAsTheyWere() {
			long monday = blocks.get(0);
			JsonNode earlier = sessions("2026-W49").get(0);
			Reply moved = coordinator.put("/api/blocks/" + monday,
					Api.body("effectiveFrom", "2026-12-07", "dayOfWeek", "TUESDAY", "startTime", "17:00"));
			assertThat(moved.status()).isEqualTo(200);
			JsonNode stillMonday = sessions("2026-W49").get(0);
			assertThat(stillMonday.get("date").asString()).isEqualTo("2026-11-30");
			assertThat(stillMonday.get("id").asLong()).isEqualTo(earlier.get("id").asLong());
			JsonNode afterwards = sessions("2026-W50").get(0);
			assertThat(afterwards.get("date").asString()).isEqualTo("2026-12-08");
			assertThat(afterwards.get("startsAt").asString()).isEqualTo("2026-12-08T17:00:00-05:00");
			assertThat(afterwards.get("participantIds").get(0).asLong()).isEqualTo(alice.id());
		}

		@Test
		void aChangeThatWouldRewriteAnAttendedSessionIsRefused() {
			long session = sessions("2026-W47").get(0).get("id").asLong();
			mark(coordinator, session, alice.id(), "PRESENT", null);
			Reply reply = coordinator.put("/api/blocks/" + blocks.get(0),
					Api.body("effectiveFrom", "2026-11-16", "startTime", "19:00"));
			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.json().get("detail").asString()).contains("2026-11-16");
			assertThat(sessions("2026-W47").get(0).get("startsAt").asString()).contains("T18:00");
		}

		@Test
		void anEndedBlockMakesNoSessionsFromItsEndDate() {
			coordinator.post("/api/blocks/" + blocks.get(2) + "/end", Api.body("date", "2026-12-01"));
			assertThat(sessions("2026-W49")).hasSize(2);
			assertThat(sessions("2026-W48")).hasSize(3);
		}

		@Test
		void aMakeUpSessionCountsInTheWeekItTakesPlace() {
			long missed = sessions("2026-W47").get(0).get("id").asLong();
			mark(coordinator, missed, alice.id(), "ABSENT", null);
			Reply makeUp = coordinator.post("/api/sessions/" + missed + "/make-ups",
					Api.body("date", "2026-11-24", "startTime", "10:00", "durationMinutes", 180, "counselorId",
							counselor.id(), "location", "Room 9", "participantIds", List.of(alice.id())));
			assertThat(makeUp.status()).isEqualTo(201);
			assertThat(makeUp.json().get("makeUpForSessionId").asLong()).isEqualTo(missed);
			assertThat(doseOf(alice.id(), "2026-W48").get("scheduledMinutes").asInt()).isEqualTo(720);
			assertThat(doseOf(alice.id(), "2026-W47").get("scheduledMinutes").asInt()).isEqualTo(540);
			assertThat(mark(coordinator, makeUp.id(), alice.id(), "PRESENT", null).status()).isEqualTo(200);
			assertThat(doseOf(alice.id(), "2026-W48").get("attendedMinutes").asInt()).isEqualTo(180);
			assertThat(alice.api().get("/api/me/schedule?week=2026-W48").json()).hasSize(4);
		}

	}

	@Nested
	class Privacy {

		@Test
		void aParticipantSeesOnlyTheirOwnIdOnTheirSchedule() {
			Person bob = participant();
			enrol(program, bob.id(), "2026-11-02", blocks);
			JsonNode mine = alice.api().get("/api/me/schedule?week=2026-W48").json();
			assertThat(mine).hasSize(3);
			mine.forEach(s -> assertThat(s.get("participantIds").toString()).isEqualTo("[" + alice.id() + "]"));
		}

		@Test
		void anotherParticipantsRecordsAreNotFound() {
			Person bob = participant();
			enrol(program, bob.id(), "2026-11-02", blocks);
			assertThat(alice.api().get("/api/participants/" + bob.id() + "/schedule?week=2026-W48").status())
				.isEqualTo(404);
			assertThat(alice.api().get("/api/participants/" + bob.id() + "/dosage?from=2026-W45&to=2026-W48").status())
				.isEqualTo(404);
			assertThat(alice.api().get("/api/programs/" + program + "/dosage").status()).isEqualTo(403);
			assertThat(alice.api().get("/api/participants/" + alice.id() + "/schedule").status()).isEqualTo(200);
		}

		@Test
		void myDosageListsEachWeekOfTheRange() {
			JsonNode weeks = alice.api().get("/api/me/dosage?from=2026-W45&to=2026-W48").json();
			assertThat(weeks).hasSize(4);
			assertThat(weeks.get(0).get("week").asString()).isEqualTo("2026-W45");
			assertThat(weeks.get(0).get("status").asString()).isEqualTo("UNDER_DOSED");
			assertThat(weeks.get(0).get("unmarkedSessions").asInt()).isEqualTo(3);
			assertThat(weeks.get(3).get("status").asString()).isEqualTo("AT_RISK");
			assertThat(alice.api().get("/api/me/dosage?from=2026-W40&to=2026-W44").json()).isEmpty();
		}

	}

	@Test
	void theWeekExportsAsCsvWithALinePerParticipantAndSession() {
		long session = sessions("2026-W47").get(0).get("id").asLong();
		mark(coordinator, session, alice.id(), "LATE", 170);
		Reply csv = coordinator.get("/api/programs/" + program + "/dosage.csv?week=2026-W47");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		String[] lines = csv.body().split("\r\n");
		assertThat(lines).hasSize(4);
		assertThat(lines[0]).startsWith("participant_id,participant,date");
		assertThat(lines[1]).startsWith(alice.id() + ",Pat ").contains(",2026-11-16,", ",180,170,LATE,UNDER_DOSED");
	}

}
