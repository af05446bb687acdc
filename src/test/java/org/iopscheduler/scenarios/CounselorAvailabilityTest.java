package org.iopscheduler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.Api.Reply;
import org.iopscheduler.support.ApplicationTest;
import org.iopscheduler.support.SqlWork;
import org.iopscheduler.support.SqlWork.Cost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A counselor is in one session at a time, over HTTP: weekly blocks on every date they
 * meet, in every zone and across every clock change, and one-off make-ups, whether that
 * week's sessions were made or not. "Now" is Wednesday 25 November 2026; New York moves
 * its clocks on 14 March 2027, London on 28 March.
 */
@Import(SqlWork.class)
class CounselorAvailabilityTest extends ApplicationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Sessions sessions;

	long newYork;

	long london;

	Person counselor;

	/**
	 * A session of another counselor in New York that a participant missed, to make up
	 * for.
	 */
	long missed;

	long participant;

	@BeforeEach
	void twoProgramsAndAMissedSession() {
		newYork = program("ADULT", "America/New_York");
		london = program("ADULT", "Europe/London");
		counselor = counselor();
		long day = block(newYork, counselor().id(), "WEDNESDAY", "08:00", 540);
		participant = participant().id();
		assertThat(enrol(newYork, participant, "2026-11-02", List.of(day)).status()).isEqualTo(201);
		missed = coordinator.get("/api/programs/" + newYork + "/sessions?week=2026-W48")
			.json()
			.get(0)
			.get("id")
			.asLong();
	}

	Reply makeUp(String date, String start, int minutes) {
		return coordinator.post("/api/sessions/" + missed + "/make-ups",
				Api.body("date", date, "startTime", start, "durationMinutes", minutes, "counselorId", counselor.id(),
						"location", "Room 9", "participantIds", List.of(participant)));
	}

	Reply newBlock(long program, String day, String start, int minutes) {
		return newBlock(program, counselor.id(), day, start, minutes);
	}

	Reply newBlock(long program, long counselorId, String day, String start, int minutes) {
		return coordinator.post("/api/programs/" + program + "/blocks",
				Api.body("type", "GROUP", "title", "Group " + day, "dayOfWeek", day, "startTime", start,
						"durationMinutes", minutes, "counselorId", counselorId, "location", "Room 1"));
	}

	static void conflict(Reply reply, String... detailMentions) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
		assertThat(reply.json().get("detail").asString()).startsWith("counselorId: ").contains(detailMentions);
	}

	@Test
	void aMakeUpInAWeekWhoseSessionsWereNeverMadeMeetsTheCounselorsWeeklyBlock() {
		// Monday 18:00-20:00 in London is 13:00-15:00 in New York in February
		long group = block(london, counselor.id(), "MONDAY", "18:00", 120);
		assertThat(jdbc.queryForObject("select count(*) from dated_session where counselor_id = ?", Long.class,
				counselor.id()))
			.isZero();
		conflict(makeUp("2027-02-15", "13:30", 60), "block " + group, "(Europe/London)", "first collide on 2027-02-15");
		assertThat(makeUp("2027-02-15", "15:00", 60).status()).isEqualTo(201);
	}

	@Test
	void aNewWeeklyBlockOverAnExistingMakeUpIsAConflict() {
		long chicago = program("ADULT", "America/Chicago");
		long session = created(makeUp("2026-12-08", "10:00", 60));
		// Tuesday 09:30 in Chicago is 10:30 in New York
		conflict(newBlock(chicago, "TUESDAY", "09:30", 60), "session " + session, "on 2026-12-08 10:00-11:00",
				"(America/New_York)", "first collide on 2026-12-08");
		assertThat(newBlock(chicago, "TUESDAY", "10:00", 60).status()).isEqualTo(201);
	}

	@Test
	void aCancelledMakeUpNoLongerHoldsItsCounselor() {
		long session = created(makeUp("2026-12-08", "10:00", 60));
		// in the service: POST /api/sessions/{id}/cancel answers 500 for a make-up (its
		// roster is read lazily)
		sessions.cancel(session, "moved");
		assertThat(newBlock(newYork, "TUESDAY", "10:00", 60).status()).isEqualTo(201);
	}

	@Test
	void aCancelledWeeklySessionStillHoldsItsCounselor() {
		block(newYork, counselor.id(), "MONDAY", "18:00", 180);
		long monday = coordinator.get("/api/programs/" + newYork + "/sessions?week=2026-W49")
			.json()
			.valueStream()
			.filter(s -> s.get("date").asString().equals("2026-11-30"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		assertThat(coordinator.post("/api/sessions/" + monday + "/cancel", Api.body("reason", "snow")).status())
			.isEqualTo(200);
		conflict(makeUp("2026-11-30", "19:00", 60), "on MONDAY 18:00-21:00", "first collide on 2026-11-30");
	}

	@Test
	void blocksInTwoZonesThatMeetOnlyBetweenTheirClockChangesAreAConflict() {
		// 13:00 in New York is 18:00 in London in winter and summer, 17:00 in the weeks
		// between the changes
		long first = block(newYork, counselor.id(), "MONDAY", "13:00", 60);
		conflict(newBlock(london, "MONDAY", "17:00", 60), "block " + first, "on MONDAY 13:00-14:00 (America/New_York)",
				"first collide on 2027-03-15", "2027-03-15 13:00 -04:00", "2027-03-15 17:00 +00:00 (Europe/London)");
		assertThat(newBlock(london, "MONDAY", "19:00", 60).status()).isEqualTo(201);
		assertThat(coordinator.get("/api/programs/" + london + "/blocks").json()).hasSize(1);
	}

	@Test
	void aBlockChangedOntoAnotherZonesBlockInTheMismatchedWeeksIsAConflict() {
		long first = block(newYork, counselor.id(), "MONDAY", "13:00", 60);
		long evening = block(london, counselor.id(), "MONDAY", "19:00", 60);
		conflict(
				coordinator.put("/api/blocks/" + evening,
						Api.body("effectiveFrom", "2026-12-07", "startTime", "17:00")),
				"block " + first, "first collide on 2027-03-15");
		// its own earlier version is what the change replaces, not a clash
		assertThat(
				coordinator.put("/api/blocks/" + evening, Api.body("effectiveFrom", "2026-12-07", "startTime", "19:30"))
					.status())
			.isEqualTo(200);
	}

	@Test
	void aMakeUpOverAnotherMakeUpInAnotherZoneIsAConflict() {
		long session = created(makeUp("2026-12-09", "12:00", 60));
		long londonGroup = block(london, counselor().id(), "THURSDAY", "09:00", 540);
		long londoner = participant().id();
		assertThat(enrol(london, londoner, "2026-11-02", List.of(londonGroup)).status()).isEqualTo(201);
		long londonMissed = coordinator.get("/api/programs/" + london + "/sessions?week=2026-W48")
			.json()
			.get(0)
			.get("id")
			.asLong();
		// 17:30 in London is 12:30 in New York
		Reply reply = coordinator.post("/api/sessions/" + londonMissed + "/make-ups",
				Api.body("date", "2026-12-09", "startTime", "17:30", "durationMinutes", 60, "counselorId",
						counselor.id(), "location", "Room 3", "participantIds", List.of(londoner)));
		conflict(reply, "session " + session, "first collide on 2026-12-09");
	}

	@Test
	void theCheckRunsTheSameStatementsForACounselorWithThreeBlocksOrThirty() {
		long few = counselor().id();
		long many = counselor().id();
		long otherNewYork = program("ADULT", "America/New_York");
		List<String> days = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY");
		for (int i = 0; i < 30; i++) {
			String start = String.format("%02d:00", 8 + 2 * (i % 5));
			block(i % 2 == 0 ? newYork : otherNewYork, many, days.get(i / 5), start, 90);
			if (i < 3) {
				block(newYork, few, days.get(i), start, 90);
			}
		}
		Cost small = SqlWork
			.measure(() -> assertThat(newBlock(london, few, "SUNDAY", "10:00", 60).status()).isEqualTo(201));
		Cost large = SqlWork
			.measure(() -> assertThat(newBlock(london, many, "SUNDAY", "10:00", 60).status()).isEqualTo(201));
		assertThat(large.statements()).as("30 blocks\n" + large + "\n3 blocks\n" + small).isEqualTo(small.statements());
	}

}
