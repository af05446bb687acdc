package org.iopscheduler.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.iopscheduler.calendar.BlockChange;
import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.contact.Consents;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Reminders planned from the calendar, the rosters and the consents, at the instants the
 * program's settings give, and the notices of a session cancelled or moved; delivered to
 * the demo outbox so that a sent message is a row to read. The planner reaches 15 minutes
 * ahead here (2 days by default), so each test sees only the reminders it is about. The
 * planner and the worker run only when a test turns them, with the test's clock ("now" is
 * Wednesday 25 November 2026, 12:00 UTC, 07:00 in New York).
 */
@TestPropertySource(properties = { "iop.notifications.delivery=outbox", "iop.reminders.ahead=15m" })
class RemindersTest extends ApplicationTest {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	/** Thursday 26 November 2026, 10:00 in New York (15:00 UTC). */
	private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);

	@Autowired
	ReminderPlanner planner;

	@Autowired
	OutboxWorker worker;

	@Autowired
	Programs programs;

	@Autowired
	People people;

	@Autowired
	Blocks blocks;

	@Autowired
	Enrollments enrollments;

	@Autowired
	Sessions sessions;

	@Autowired
	Consents consents;

	@Autowired
	Reminders reminders;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.iopscheduler.attendance.AbsenceNotices notices;

	@Autowired
	org.iopscheduler.attendance.Attendance attendance;

	Program program;

	Account counselor;

	Account participant;

	WeeklyBlock block;

	DatedSession thursday;

	@BeforeEach
	void aParticipantWithConsentInAThursdayMorningGroup() {
		program = program("America/New_York");
		counselor = people.createStaff("rc" + SEQUENCE.incrementAndGet() + System.nanoTime(), "correct-horse-7",
				"Morgan Ashdown", Role.COUNSELOR);
		participant = participant(ContactChannel.SMS, "+15551234567");
		block = thursdayGroup(program, LocalTime.of(10, 0));
		enrol(program, participant, block);
		thursday = sessionOn(program, block, THURSDAY);
	}

	/**
	 * On the block, and on two evening blocks of the program that bring the plan to its
	 * minimum (made once per program).
	 */
	private void enrol(Program where, Account who, WeeklyBlock on) {
		List<Long> evenings = jdbc.queryForList(
				"select id from weekly_block where program_id = ? and title = 'Evening'", Long.class, where.getId());
		if (evenings.isEmpty()) {
			for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY)) {
				blocks.create(where.getId(), new BlockDefinition(BlockType.GROUP, "Evening", day, LocalTime.of(18, 0),
						180, counselor.getId(), "Room 7", null, null, LocalDate.of(2026, 10, 1)));
			}
			evenings = jdbc.queryForList("select id from weekly_block where program_id = ? and title = 'Evening'",
					Long.class, where.getId());
		}
		List<Long> plan = new java.util.ArrayList<>(evenings);
		plan.add(on.getId());
		enrollments.enrol(where.getId(), who.getId(), LocalDate.of(2026, 11, 2), null, plan);
	}

	private Program program(String zone) {
		return programs.create("Harbor Recovery IOP " + SEQUENCE.incrementAndGet(), Population.ADULT, zone, null);
	}

	private Account participant(ContactChannel channel, String address) {
		Account account = people.createParticipant("rp" + SEQUENCE.incrementAndGet() + System.nanoTime(),
				"correct-horse-7", "Robin Remindme", LocalDate.of(1990, 4, 12));
		if (channel != null) {
			consents.give(account.getId(), channel, address, account.getId());
		}
		return account;
	}

	private WeeklyBlock thursdayGroup(Program where, LocalTime start) {
		return thursdayGroup(where, start, counselor);
	}

	private WeeklyBlock thursdayGroup(Program where, LocalTime start, Account leads) {
		return blocks.create(where.getId(), new BlockDefinition(BlockType.GROUP, "Relapse prevention group",
				DayOfWeek.THURSDAY, start, 180, leads.getId(), "Room 7", null, null, LocalDate.of(2026, 10, 1)));
	}

	private DatedSession sessionOn(Program where, WeeklyBlock of, LocalDate day) {
		return sessions.week(where, IsoWeek.of(day))
			.stream()
			.filter(s -> s.getBlockId().equals(of.getId()) && s.getDate().equals(day))
			.findFirst()
			.orElseThrow();
	}

	private List<Map<String, Object>> messages(long participantId) {
		return jdbc.queryForList("select kind, status, reason, lead_minutes, due_at, subject, body, session_id"
				+ " from notification where participant_id = ? order by id", participantId);
	}

	private static Instant due(Map<String, Object> message) {
		return ((java.time.OffsetDateTime) jdbc(message.get("due_at"))).toInstant();
	}

	private static Object jdbc(Object value) {
		if (value instanceof java.sql.Timestamp timestamp) {
			return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
		}
		return value;
	}

	@Test
	void aReminderIsPlannedShortlyBeforeItIsDueADayBeforeAtTheSameWallTime() {
		clock.set(Instant.parse("2026-11-25T14:50:00Z"));
		planner.plan();
		List<Map<String, Object>> planned = messages(participant.getId());
		assertThat(planned).hasSize(1);
		assertThat(planned.get(0)).containsEntry("kind", "REMINDER").containsEntry("status", "PENDING");
		assertThat(planned.get(0).get("lead_minutes")).isEqualTo(1440);
		assertThat(due(planned.get(0))).isEqualTo(Instant.parse("2026-11-25T15:00:00Z"));
	}

	@Test
	void aReminderIsPlannedOnlyWithinTheReachAhead() {
		planner.plan();
		assertThat(messages(participant.getId())).isEmpty();
	}

	@Test
	void planningAgainAddsNoSecondReminder() {
		clock.set(Instant.parse("2026-11-25T14:50:00Z"));
		planner.plan();
		clock.set(Instant.parse("2026-11-25T14:55:00Z"));
		planner.plan();
		assertThat(messages(participant.getId())).hasSize(1);
	}

	@Test
	void aReminderIsSentOnceAtItsInstantAndNotBefore() {
		clock.set(Instant.parse("2026-11-25T14:50:00Z"));
		planner.plan();
		clock.set(Instant.parse("2026-11-25T14:59:59Z"));
		worker.runOnce();
		assertThat(messages(participant.getId()).get(0)).containsEntry("status", "PENDING");
		clock.set(Instant.parse("2026-11-25T15:00:00Z"));
		worker.runOnce();
		assertThat(messages(participant.getId()).get(0)).containsEntry("status", "SENT");
		Object sentAt = jdbc.queryForObject("select sent_at from notification where participant_id = ?", Object.class,
				participant.getId());
		clock.set(Instant.parse("2026-11-25T15:05:00Z"));
		worker.runOnce();
		assertThat(messages(participant.getId())).hasSize(1);
		assertThat(jdbc.queryForObject("select sent_at from notification where participant_id = ?", Object.class,
				participant.getId()))
			.isEqualTo(sentAt);
	}

	@Test
	void theSecondReminderGoesTwoHoursBefore() {
		clock.set(Instant.parse("2026-11-26T12:55:00Z"));
		planner.plan();
		List<Map<String, Object>> planned = messages(participant.getId());
		assertThat(planned).hasSize(1);
		assertThat(planned.get(0).get("lead_minutes")).isEqualTo(120);
		assertThat(due(planned.get(0))).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
	}

	@Test
	void aReminderThatWouldFallInTheQuietHoursGoesAtTheirNearerEdge() {
		// a 09:00 session: two hours before is 07:00, inside 21:00-08:00; it goes at
		// 08:00
		Account another = people.createStaff("rc" + SEQUENCE.incrementAndGet() + System.nanoTime(), "correct-horse-7",
				"Sam Other", Role.COUNSELOR);
		WeeklyBlock early = thursdayGroup(program, LocalTime.of(9, 0), another);
		Account earlyRiser = participant(ContactChannel.EMAIL, "early@example.org");
		enrol(program, earlyRiser, early);
		sessionOn(program, early, THURSDAY);
		clock.set(Instant.parse("2026-11-26T12:55:00Z"));
		planner.plan();
		List<Map<String, Object>> planned = messages(earlyRiser.getId());
		assertThat(planned).hasSize(1);
		assertThat(due(planned.get(0))).isEqualTo(Instant.parse("2026-11-26T13:00:00Z"));
	}

	@Test
	void eachProgramsRemindersAreTakenInItsOwnZone() {
		Program berlin = program("Europe/Berlin");
		WeeklyBlock group = thursdayGroup(berlin, LocalTime.of(10, 0));
		Account there = participant(ContactChannel.SMS, "+4915112345678");
		enrol(berlin, there, group);
		sessionOn(berlin, group, THURSDAY);
		// 10:00 in Berlin on Wednesday is 09:00 UTC
		clock.set(Instant.parse("2026-11-25T08:55:00Z"));
		planner.plan();
		assertThat(messages(there.getId())).hasSize(1);
		assertThat(due(messages(there.getId()).get(0))).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
		assertThat(messages(participant.getId())).isEmpty();
	}

	@Test
	void nothingIsPlannedForAParticipantWithoutConsent() {
		Account silent = participant(null, null);
		enrol(program, silent, block);
		clock.set(Instant.parse("2026-11-25T14:50:00Z"));
		planner.plan();
		assertThat(messages(silent.getId())).isEmpty();
		assertThat(messages(participant.getId())).hasSize(1);
	}

	@Test
	void aProgramWithRemindersOffPlansNone() {
		reminders.change(program.getId(), false, List.of(1440, 120), LocalTime.of(21, 0), LocalTime.of(8, 0));
		clock.set(Instant.parse("2026-11-25T14:50:00Z"));
		planner.plan();
		assertThat(messages(participant.getId())).isEmpty();
	}

	@Test
	void theDefaultWordingNamesNoProgramTitleTypeOrCounselor() {
		clock.set(Instant.parse("2026-11-25T14:50:00Z"));
		planner.plan();
		sessions.cancel(thursday.getId(), "Counselor ill: Morgan Ashdown");
		for (Map<String, Object> message : messages(participant.getId())) {
			String text = message.get("subject") + "\n" + message.get("body");
			assertThat(text).doesNotContain(program.getName(), "Harbor", "Recovery", "IOP", "Relapse", "group", "GROUP",
					"Group", "Morgan", "Ashdown", "Robin", "ill");
		}
		String reminder = (String) messages(participant.getId()).get(0).get("body");
		assertThat(reminder).contains("Appointment", "Thursday 26 November 2026 at 10:00", "Room 7",
				"http://localhost:8080/cannot-come/");
	}

	@Test
	void aRemindersLinkIsOneUseAndForItsOwnSessionAndParticipant() {
		clock.set(Instant.parse("2026-11-25T14:50:00Z"));
		planner.plan();
		// a later turn finds the reminder planned and issues no second link
		clock.set(Instant.parse("2026-11-25T14:55:00Z"));
		planner.plan();
		assertThat(jdbc.queryForObject(
				"select count(*) from cannot_come_link where session_id = ? and participant_id = ? and used_at is null",
				Integer.class, thursday.getId(), participant.getId()))
			.isEqualTo(1);
	}

	@Nested
	class ToTheCounselor {

		private List<Map<String, Object>> toCounselor() {
			return jdbc.queryForList(
					"select kind, status, subject, body from notification where recipient_id = ?" + " order by id",
					counselor.getId());
		}

		@Test
		void aCounselorWhoGaveAnAddressIsToldWhenAParticipantCannotCome() {
			consents.give(counselor.getId(), ContactChannel.EMAIL, "morgan@clinic.example", counselor.getId());
			notices.giveSignedIn(thursday.getId(), org.iopscheduler.people.SignedIn.of(participant, false));
			List<Map<String, Object>> told = toCounselor();
			assertThat(told).hasSize(1);
			assertThat(told.get(0)).containsEntry("kind", "NOTICE_TO_COUNSELOR");
			assertThat((String) told.get(0).get("body"))
				.contains("Robin Remindme", "Thursday 26 November 2026 at 10:00", "180 minutes", "make-up list")
				.doesNotContain(program.getName());
		}

		@Test
		void aCounselorWithoutAnAddressIsToldOnTheSheetOnly() {
			notices.giveSignedIn(thursday.getId(), org.iopscheduler.people.SignedIn.of(participant, false));
			assertThat(toCounselor()).isEmpty();
		}

		@Test
		void aCounselorGetsTheMorningListOfTheirParticipantsAtRiskOnAWeekday() {
			consents.give(counselor.getId(), ContactChannel.SMS, "+15559876543", counselor.getId());
			// Wednesday 08:00 in New York: Monday's and Tuesday's sessions were missed
			// (unmarked
			// sessions count nothing), Thursday's alone cannot reach 540 minutes
			clock.set(Instant.parse("2026-11-25T13:02:00Z"));
			planner.plan();
			List<Map<String, Object>> lists = toCounselor();
			assertThat(lists).extracting(m -> m.get("kind")).containsExactly("AT_RISK_DIGEST");
			assertThat((String) lists.get(0).get("body"))
				.startsWith("At risk of missing this week's minimum (2026-W48): ")
				.contains("Robin Remindme")
				.doesNotContain(program.getName());
			clock.set(Instant.parse("2026-11-25T13:04:00Z"));
			planner.plan();
			assertThat(toCounselor()).hasSize(1);
		}

		@Test
		void theMorningListIsNotSentHoursLateNorOnAWeekend() {
			consents.give(counselor.getId(), ContactChannel.SMS, "+15559876543", counselor.getId());
			clock.set(Instant.parse("2026-11-25T16:00:00Z"));
			planner.plan();
			clock.set(Instant.parse("2026-11-28T13:02:00Z"));
			planner.plan();
			assertThat(toCounselor()).isEmpty();
		}

	}

	@Nested
	class WhenTheSessionChanges {

		@Test
		void aCancelledSessionsWaitingReminderIsSkippedAndItsParticipantsAreTold() {
			clock.set(Instant.parse("2026-11-25T14:50:00Z"));
			planner.plan();
			sessions.cancel(thursday.getId(), "Snow");
			List<Map<String, Object>> all = messages(participant.getId());
			assertThat(all).hasSize(2);
			assertThat(all.get(0)).containsEntry("kind", "REMINDER")
				.containsEntry("status", "SKIPPED")
				.containsEntry("reason", SessionChecks.CANCELLED);
			assertThat(all.get(1)).containsEntry("kind", "SESSION_CHANGED").containsEntry("status", "PENDING");
			assertThat((String) all.get(1).get("body"))
				.isEqualTo("Appointment on Thursday 26 November 2026 at 10:00 is cancelled.");
			worker.runOnce();
			assertThat(messages(participant.getId()).get(1)).containsEntry("status", "SENT");
		}

		@Test
		void noReminderIsPlannedForACancelledSession() {
			sessions.cancel(thursday.getId(), "Snow");
			clock.set(Instant.parse("2026-11-25T14:50:00Z"));
			planner.plan();
			assertThat(messages(participant.getId())).extracting(m -> m.get("kind")).containsExactly("SESSION_CHANGED");
		}

		@Test
		void aSessionMetAgainIsToldAsWell() {
			sessions.cancel(thursday.getId(), "Snow");
			sessions.reinstate(thursday.getId());
			List<Map<String, Object>> all = messages(participant.getId());
			assertThat(all).extracting(m -> m.get("body"))
				.containsExactly("Appointment on Thursday 26 November 2026 at 10:00 is cancelled.",
						"Appointment on Thursday 26 November 2026 at 10:00 takes place after all, at Room 7.");
		}

		@Test
		void aMovedSessionIsToldAndItsRemindersFollowTheNewTime() {
			clock.set(Instant.parse("2026-11-25T14:50:00Z"));
			planner.plan();
			blocks.change(block.getId(), new BlockChange(THURSDAY, DayOfWeek.THURSDAY, LocalTime.of(11, 0), null, null,
					null, null, null, null));
			List<Map<String, Object>> all = messages(participant.getId());
			assertThat(all.get(0)).containsEntry("status", "SKIPPED").containsEntry("reason", SessionNotices.MOVED);
			assertThat((String) all.get(1).get("body")).isEqualTo(
					"Appointment on Thursday 26 November 2026 at 10:00 has moved to Thursday 26 November 2026 at 11:00, Room 7.");
			clock.set(Instant.parse("2026-11-25T15:50:00Z"));
			planner.plan();
			assertThat(messages(participant.getId())).hasSize(3);
			assertThat(due(messages(participant.getId()).get(2))).isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
		}

		@Test
		void aSessionAlreadyPastIsNotToldAbout() {
			clock.set(Instant.parse("2026-11-26T16:00:00Z"));
			sessions.cancel(thursday.getId(), "Recorded late");
			assertThat(messages(participant.getId())).isEmpty();
		}

	}

}
