package org.iopscheduler.attendance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.enrollment.MakeUpRequest;
import org.iopscheduler.enrollment.MakeUps;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.ApplicationTest;
import org.iopscheduler.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "I can't come" (issue #14): the reminder's one-use link, the notice it records (a fact,
 * not a mark), the counselor's sheet and the coordinator's make-up list. Now is Wednesday
 * 25 November 2026, 12:00 UTC; the program meets Thursday, Friday and Saturday at 10:00
 * New York time.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ ApplicationTest.TestClock.class, CannotComeTest.Heard.class })
class CannotComeTest {

	private static final String PASSWORD = "correct-horse-7";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	/** Thursday 26 November 2026, 10:00 in New York: 15:00 UTC. */
	private static final LocalDate THURSDAY = LocalDate.of(2026, 11, 26);

	private static final Instant THURSDAY_START = Instant.parse("2026-11-26T15:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	People people;

	@Autowired
	Programs programs;

	@Autowired
	Blocks blocks;

	@Autowired
	Enrollments enrollments;

	@Autowired
	Sessions sessions;

	@Autowired
	MakeUps makeUps;

	@Autowired
	Attendance attendance;

	@Autowired
	CannotComeLinks links;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Heard heard;

	Program program;

	Account counselor;

	Account coordinator;

	Account participant;

	Enrollment enrollment;

	DatedSession thursday;

	DatedSession friday;

	/**
	 * What the notification planner will hear: the events, and whether in a transaction.
	 */
	static class Heard {

		final List<AbsenceNoticeGiven> events = new CopyOnWriteArrayList<>();

		final List<Boolean> inTransaction = new CopyOnWriteArrayList<>();

		final List<Integer> noticesSeen = new CopyOnWriteArrayList<>();

		@Autowired
		JdbcTemplate jdbc;

		@EventListener
		void on(AbsenceNoticeGiven given) {
			events.add(given);
			inTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
			noticesSeen.add(jdbc.queryForObject(
					"select count(*) from absence_notice where session_id = ? and participant_id = ?", Integer.class,
					given.sessionId(), given.participantId()));
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HeardConfiguration {

		@Bean
		Heard heard() {
			return new Heard();
		}

	}

	@BeforeEach
	void anAdultProgramMeetingThreeMorningsAWeek() {
		clock.set(ApplicationTest.NOW);
		int n = SEQUENCE.incrementAndGet();
		program = programs.create("Harbor Recovery IOP " + n, Population.ADULT, "America/New_York", null);
		counselor = people.createStaff("nc" + n + System.nanoTime(), PASSWORD, "Morgan Ashdown", Role.COUNSELOR);
		coordinator = people.createStaff("nk" + n + System.nanoTime(), PASSWORD, "Kit Coordinator", Role.COORDINATOR);
		participant = people.createParticipant("np" + n + System.nanoTime(), PASSWORD, "Robin Noticeson " + n,
				LocalDate.of(1990, 4, 12));
		List<Long> plan = new ArrayList<>();
		WeeklyBlock thursdayBlock = block(DayOfWeek.THURSDAY, "Relapse prevention");
		WeeklyBlock fridayBlock = block(DayOfWeek.FRIDAY, "Process group");
		plan.add(thursdayBlock.getId());
		plan.add(fridayBlock.getId());
		plan.add(block(DayOfWeek.SATURDAY, "Process group").getId());
		enrollment = enrollments.enrol(program.getId(), participant.getId(), LocalDate.of(2026, 11, 2), null, plan);
		List<DatedSession> week = sessions.week(program, IsoWeek.of(THURSDAY));
		thursday = week.stream().filter(s -> s.getBlockId().equals(thursdayBlock.getId())).findFirst().orElseThrow();
		friday = week.stream().filter(s -> s.getBlockId().equals(fridayBlock.getId())).findFirst().orElseThrow();
	}

	private WeeklyBlock block(DayOfWeek day, String title) {
		return blocks.create(program.getId(), new BlockDefinition(BlockType.PSYCHOEDUCATION, title, day,
				LocalTime.of(10, 0), 180, counselor.getId(), "Room 7", null, null, LocalDate.of(2026, 10, 1)));
	}

	private static RequestPostProcessor as(Account account) {
		return user(SignedIn.of(account, false));
	}

	private MvcResult press(String token) throws Exception {
		return mvc.perform(post(CannotComeLinks.path(token))).andReturn();
	}

	private int notices(DatedSession session) {
		return jdbc.queryForObject("select count(*) from absence_notice where session_id = ? and participant_id = ?",
				Integer.class, session.getId(), participant.getId());
	}

	private String pageOf(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theLinkShowsTheNeutralAppointmentAndOneButton() throws Exception {
		String token = links.issue(thursday.getId(), participant.getId());
		MvcResult shown = mvc.perform(get(CannotComeLinks.path(token)))
			.andDo(org.springframework.test.web.servlet.result.MockMvcResultHandlers.print())
			.andExpect(status().isOk())
			.andReturn();
		String page = pageOf(shown);
		assertThat(page).contains("Appointment", "Thursday 26 November 2026", "10:00–13:00", "Room 7",
				"I can&#39;t come");
		assertThat(page).contains("<form method=\"post\">");
		assertThat(shown.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(shown.getResponse().getCookies()).as("no session is needed, none is made").isEmpty();
	}

	@Test
	void theLinksPageShowsNoProgramNameTitleTypeOrCounselor() throws Exception {
		String token = links.issue(thursday.getId(), participant.getId());
		for (MvcResult result : List.of(mvc.perform(get(CannotComeLinks.path(token))).andReturn(), press(token))) {
			String page = pageOf(result);
			assertThat(page).doesNotContain(program.getName(), "Harbor", "Relapse prevention", "Relapse",
					"PSYCHOEDUCATION", "Psychoeducation", "psychoeducation", "Morgan Ashdown", "Ashdown",
					"Robin Noticeson", "IOP", "Intensive", "outpatient", "recovery", "dose");
		}
	}

	@Test
	void theLinksPageTakesTheProgramsOwnNeutralWording() throws Exception {
		programs.update(program.getId(), null, null, null, "Visit", "Main Street Clinic", unchecked -> {
		});
		String token = links.issue(thursday.getId(), participant.getId());
		String page = pageOf(mvc.perform(get(CannotComeLinks.path(token))).andReturn());
		assertThat(page).contains("Visit \u2013 Main Street Clinic").doesNotContain(program.getName());
	}

	@Test
	void aLinkWorksOnceASecondPressSendsNoSecondNotice() throws Exception {
		String token = links.issue(thursday.getId(), participant.getId());
		MvcResult first = press(token);
		assertThat(first.getResponse().getStatus()).isEqualTo(200);
		assertThat(pageOf(first)).contains("Your care team was told");
		assertThat(first.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(notices(thursday)).isEqualTo(1);

		MvcResult second = press(token);
		assertThat(pageOf(second)).contains("Notice was already sent").doesNotContain("Your care team was told");
		assertThat(notices(thursday)).isEqualTo(1);
		assertThat(pageOf(mvc.perform(get(CannotComeLinks.path(token))).andReturn())).contains("already sent")
			.doesNotContain("<form");
	}

	@Test
	void theNoticeIsAuditedAsAChangeWithTheParticipantAsActorAndNoTokenInTheLog() throws Exception {
		String token = links.issue(thursday.getId(), participant.getId());
		press(token);
		List<Map<String, Object>> lines = jdbc.queryForList(
				"select actor_id, actor_role, participant_id, target from audit_event where action = 'GIVE_ABSENCE_NOTICE' "
						+ "and participant_id = ?",
				participant.getId());
		assertThat(lines).hasSize(1);
		assertThat(((Number) lines.get(0).get("ACTOR_ID")).longValue()).isEqualTo(participant.getId());
		assertThat(lines.get(0).get("ACTOR_ROLE")).isEqualTo("PARTICIPANT");
		assertThat((String) lines.get(0).get("TARGET")).doesNotContain(token);
	}

	@Test
	void aLinkWorksOnlyForItsOwnSessionAndParticipant() throws Exception {
		String forThursday = links.issue(thursday.getId(), participant.getId());
		press(forThursday);
		assertThat(notices(thursday)).isEqualTo(1);
		assertThat(notices(friday)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from absence_notice where session_id = ?", Integer.class,
				thursday.getId()))
			.isEqualTo(1);
	}

	@Test
	void aTamperedOrUnknownTokenIsNotFoundAndRecordsNothing() throws Exception {
		String token = links.issue(friday.getId(), participant.getId());
		char last = token.charAt(token.length() - 1);
		String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
		assertThat(press(tampered).getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get(CannotComeLinks.path(tampered))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(press("short").getResponse().getStatus()).isEqualTo(404);
		assertThat(notices(friday)).isZero();
	}

	@Test
	void aLinkPressedAfterTheSessionStartedRecordsNothing() throws Exception {
		String token = links.issue(thursday.getId(), participant.getId());
		clock.set(THURSDAY_START);
		MvcResult pressed = press(token);
		assertThat(pageOf(pressed)).contains("too late to send notice");
		assertThat(notices(thursday)).isZero();
		assertThat(jdbc.queryForObject(
				"select count(*) from cannot_come_link where used_at is not null " + "and session_id = ?",
				Integer.class, thursday.getId()))
			.isZero();
	}

	@Test
	void aLinkToACancelledSessionRecordsNothing() throws Exception {
		String token = links.issue(friday.getId(), participant.getId());
		sessions.cancel(friday.getId(), "Building closed");
		assertThat(pageOf(mvc.perform(get(CannotComeLinks.path(token))).andReturn())).contains("was cancelled");
		assertThat(pageOf(press(token))).contains("was cancelled");
		assertThat(notices(friday)).isZero();
	}

	@Test
	void aLinkOfAParticipantNoLongerOnTheRosterRecordsNothing() throws Exception {
		String token = links.issue(friday.getId(), participant.getId());
		enrollments.discharge(enrollment.getId(), THURSDAY.minusDays(1), "Moved away");
		assertThat(pageOf(press(token))).contains("no longer applies");
		assertThat(notices(friday)).isZero();
	}

	@Test
	void aSessionABlockChangeRemovesTakesItsNoticeAndLinksWithIt() throws Exception {
		String token = links.issue(thursday.getId(), participant.getId());
		press(token);
		links.issue(thursday.getId(), participant.getId());
		blocks.end(thursday.getBlockId(), thursday.getDate());
		assertThat(notices(thursday)).isZero();
		assertThat(jdbc.queryForObject("select count(*) from cannot_come_link where session_id = ?", Integer.class,
				thursday.getId()))
			.isZero();
		assertThat(mvc.perform(get(CannotComeLinks.path(token))).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void theTokenIsStoredOnlyAsItsHash() throws Exception {
		String token = links.issue(thursday.getId(), participant.getId());
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		Map<String, Object> row = jdbc.queryForMap(
				"select * from cannot_come_link where session_id = ? and participant_id = ?", thursday.getId(),
				participant.getId());
		assertThat(row.get("TOKEN_HASH")).isEqualTo(hash);
		assertThat(row.values()).noneMatch(v -> v != null && v.toString().contains(token));
		assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
		assertThat(CannotComeLinks.path(token)).isEqualTo("/cannot-come/" + token);
	}

	@Test
	void theEventIsPublishedInTheTransactionThatStoresTheNotice() throws Exception {
		String token = links.issue(thursday.getId(), participant.getId());
		int before = heard.events.size();
		press(token);
		assertThat(heard.events).hasSize(before + 1);
		AbsenceNoticeGiven given = heard.events.get(before);
		assertThat(given).isEqualTo(
				new AbsenceNoticeGiven(thursday.getId(), participant.getId(), program.getId(), counselor.getId(), 180));
		assertThat(heard.inTransaction.get(before)).isTrue();
		assertThat(heard.noticesSeen.get(before)).as("the listener sees the notice, uncommitted").isEqualTo(1);
	}

	@Test
	void theNoticeCreatesNoAttendanceMarkTheCounselorStillMarks() throws Exception {
		press(links.issue(thursday.getId(), participant.getId()));
		clock.set(THURSDAY_START.plusSeconds(60));
		assertThat(attendance.ofSession(thursday.getId())).isEmpty();
		String sheet = pageOf(mvc.perform(get("/sessions/" + thursday.getId() + "/attendance").with(as(counselor)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(sheet).contains("Sent notice");
	}

	@Test
	void excusedIsOneTapOnTheSheet() throws Exception {
		press(links.issue(thursday.getId(), participant.getId()));
		clock.set(THURSDAY_START.plusSeconds(60));
		String sheet = pageOf(
				mvc.perform(get("/sessions/" + thursday.getId() + "/attendance").with(as(counselor))).andReturn());
		String excused = "id=\"p" + participant.getId() + "-EXCUSED\"";
		int at = sheet.indexOf(excused);
		assertThat(at).isPositive();
		String radio = sheet.substring(sheet.lastIndexOf("<input", at), sheet.indexOf(">", at));
		assertThat(radio).as("EXCUSED comes pre-selected").contains("checked");

		// the one tap: save the sheet as it comes
		mvc.perform(post("/sessions/" + thursday.getId() + "/attendance").with(as(counselor))
			.with(csrf())
			.param("rows[0].participantId", String.valueOf(participant.getId()))
			.param("rows[0].status", "EXCUSED")).andExpect(status().is3xxRedirection());
		assertThat(attendance.ofSession(thursday.getId())).singleElement()
			.satisfies(m -> assertThat(m.getStatus()).isEqualTo(AttendanceStatus.EXCUSED));
		assertThat(pageOf(
				mvc.perform(get("/api/sessions/" + thursday.getId() + "/attendance").with(as(counselor))).andReturn()))
			.contains("noticeGivenAt");
	}

	@Test
	void theNoticeIsOnTheMakeUpListWithTheMinutesMissedUntilAMakeUpIsArranged() throws Exception {
		press(links.issue(thursday.getId(), participant.getId()));
		String api = "/api/absence-notices?programId=" + program.getId() + "&from=2026-11-01&to=2026-12-31";
		String listed = pageOf(mvc.perform(get(api).with(as(coordinator))).andExpect(status().isOk()).andReturn());
		assertThat(listed).contains("\"sessionId\":" + thursday.getId(), "\"participantId\":" + participant.getId(),
				"\"minutesMissed\":180");
		String page = pageOf(
				mvc.perform(get("/make-up-list").with(as(coordinator))).andExpect(status().isOk()).andReturn());
		assertThat(page).contains(participant.getFullName(),
				"/sessions/" + thursday.getId() + "/make-up?participantId=");
		assertThat(mvc.perform(get("/make-up-list").with(as(counselor))).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		makeUps.add(thursday.getId(), new MakeUpRequest(LocalDate.of(2026, 11, 29), LocalTime.of(14, 0), 180,
				counselor.getId(), "Room 7", null, null, List.of(participant.getId())));

		assertThat(pageOf(mvc.perform(get(api).with(as(coordinator))).andReturn()))
			.doesNotContain("\"sessionId\":" + thursday.getId() + ",");
		assertThat(pageOf(mvc.perform(get("/make-up-list").with(as(coordinator))).andReturn()))
			.doesNotContain(participant.getFullName() + "<");
	}

	@Nested
	class SignedIn_ {

		@Test
		void aParticipantSendsNoticeForTheirOwnSessionOnce() throws Exception {
			String path = "/api/me/sessions/" + friday.getId() + "/absence-notice";
			mvc.perform(post(path).with(as(participant))).andExpect(status().isCreated());
			mvc.perform(post(path).with(as(participant))).andExpect(status().isOk());
			assertThat(notices(friday)).isEqualTo(1);
		}

		@Test
		void aParticipantPressesICantComeOnTheirOwnPage() throws Exception {
			String own = pageOf(mvc.perform(get("/me").with(as(participant))).andExpect(status().isOk()).andReturn());
			assertThat(own).contains("/me/sessions/" + friday.getId() + "/cannot-come");
			mvc.perform(post("/me/sessions/" + friday.getId() + "/cannot-come").with(as(participant)).with(csrf()))
				.andExpect(status().is3xxRedirection());
			assertThat(notices(friday)).isEqualTo(1);
			String after = pageOf(mvc.perform(get("/me").with(as(participant))).andReturn());
			assertThat(after).contains("You sent notice that you cannot come.")
				.doesNotContain("/me/sessions/" + friday.getId() + "/cannot-come");
		}

		@Test
		void aSessionTheParticipantIsNotExpectedAtIsNotFound() throws Exception {
			Account stranger = people.createParticipant("ns" + System.nanoTime(), PASSWORD, "Sam Stranger",
					LocalDate.of(1985, 1, 1));
			mvc.perform(post("/api/me/sessions/" + friday.getId() + "/absence-notice").with(as(stranger)))
				.andExpect(status().isNotFound());
		}

		@Test
		void aStartedSessionIsRefused() throws Exception {
			clock.set(THURSDAY_START);
			mvc.perform(post("/api/me/sessions/" + thursday.getId() + "/absence-notice").with(as(participant)))
				.andExpect(status().isUnprocessableContent());
			assertThat(notices(thursday)).isZero();
		}

	}

}
