package org.iopscheduler.browser;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.support.SqlWork;
import org.iopscheduler.support.SqlWork.Cost;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Make-up sessions and the organisation dashboard in the pages, without a browser: the
 * free times come from the counselor's availability, refusals are in words, and the
 * organisation's counts cost the same statements however many programs there are. The
 * still clock stands on Wednesday 4 November 2026, 18:30 in New York.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class, SqlWork.class })
class MakeUpAndOrgDosePagesTest {

	static final LocalDate THURSDAY = PageFixtures.MONDAY.plusDays(3);

	static final LocalDate FRIDAY = PageFixtures.MONDAY.plusDays(4);

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	Sessions sessions;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcTemplate jdbc;

	private static RequestPostProcessor as(Account account) {
		return user(SignedIn.of(account, false));
	}

	record Missed(Account coordinator, Account counselor, Evening evening, Account participant, DatedSession monday) {
	}

	/** Monday's group took place, and the participant was absent. */
	Missed missedMonday(String name) {
		Account coordinator = fixtures.coordinator("Make-up Coordinator");
		Account counselor = fixtures.counselor("Dana Whitfield");
		Evening evening = fixtures.evening(name, counselor);
		Account participant = fixtures.participant("Blake Romero");
		fixtures.enrol(evening.program(), participant, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		DatedSession monday = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY);
		fixtures.mark(monday, participant, AttendanceStatus.ABSENT, null, counselor);
		return new Missed(coordinator, counselor, evening, participant, monday);
	}

	@Test
	void theMakeUpFormOffersOnlyTheCounselorsFreeTimesOfTheChosenDay() throws Exception {
		Missed m = missedMonday("Free Times IOP");

		String page = mvc
			.perform(get("/sessions/" + m.monday().getId() + "/make-up")
				.param("participantId", String.valueOf(m.participant().getId()))
				.param("date", THURSDAY.toString())
				.with(as(m.coordinator())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// Dana leads Relapse prevention on Thursdays 18:00-21:00: a three-hour make-up
		// may start at 15:00 at the latest before it, and none after (it would end past
		// the program's hours, 15:00-21:00)
		assertThat(page)
			.contains("Free times of Dana Whitfield on Thursday 5 November 2026", "id=\"start-15:00\"",
					"hours that week, 15:00-21:00")
			.doesNotContain("id=\"start-07:00\"", "id=\"start-15:30\"", "id=\"start-18:00\"", "id=\"start-19:00\"");
		assertThat(page).containsPattern("id=\"participant-" + m.participant().getId() + "\"[^>]*checked");
		assertThat(page).containsPattern("value=\"" + m.counselor().getId() + "\"[^>]*selected");
	}

	@Test
	void anEveningProgramsMakeUpFormOffersEveningTimes() throws Exception {
		Missed m = missedMonday("Evening Hours IOP");

		// Friday: Dana is free all day; the program meets 18:00-21:00, so it offers
		// 15:00-21:00
		String page = freeTimesPage(m.monday(), m.coordinator(), FRIDAY, 60);

		assertThat(page)
			.contains("id=\"start-15:00\"", "id=\"start-18:00\"", "id=\"start-19:30\"", "id=\"start-20:00\"")
			.doesNotContain("id=\"start-07:00\"", "id=\"start-09:00\"", "id=\"start-14:30\"", "id=\"start-20:30\"");
	}

	@Test
	void aMorningProgramsMakeUpFormOffersMorningTimes() throws Exception {
		Account coordinator = fixtures.coordinator("Morning Coordinator");
		Account counselor = fixtures.counselor("Morgan Hale");
		var program = fixtures.program("Morning Hours IOP");
		var tuesday = fixtures.block(program, org.iopscheduler.calendar.BlockType.GROUP, "Morning group",
				java.time.DayOfWeek.TUESDAY, "08:30", 180, counselor, "Room 1");
		fixtures.block(program, org.iopscheduler.calendar.BlockType.GROUP, "Morning group",
				java.time.DayOfWeek.THURSDAY, "09:00", 180, counselor, "Room 1");
		DatedSession missed = fixtures.session(program, tuesday, PageFixtures.MONDAY.plusDays(1));

		// the program meets 08:30-12:00: widened to six hours from 07:00, it offers
		// 07:00-13:00
		String page = freeTimesPage(missed, coordinator, FRIDAY, 60);

		assertThat(page)
			.contains("id=\"start-07:00\"", "id=\"start-09:00\"", "id=\"start-12:00\"", "hours that week, 07:00-13:00")
			.doesNotContain("id=\"start-06:30\"", "id=\"start-12:30\"", "id=\"start-18:00\"", "id=\"start-20:00\"");
	}

	private String freeTimesPage(DatedSession missed, Account coordinator, LocalDate day, int minutes)
			throws Exception {
		return mvc
			.perform(get("/sessions/" + missed.getId() + "/make-up").param("date", day.toString())
				.param("durationMinutes", String.valueOf(minutes))
				.with(as(coordinator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aMakeUpAtATimeTheCounselorIsBusyIsRefusedInWordsAndNothingIsAdded() throws Exception {
		Missed m = missedMonday("Busy IOP");
		int before = makeUpsOf(m.monday());

		String page = mvc.perform(schedule(m, THURSDAY, "18:30"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Dana Whitfield already leads another session at 18:30 on Thu 5 Nov")
			.doesNotContain("facilitates", "block ", "counselor " + m.counselor().getId());
		assertThat(makeUpsOf(m.monday())).isEqualTo(before);
	}

	@Test
	void aMakeUpWithoutAStartTimeOrAnyoneToMakeItUpShowsBothErrorsAtOnce() throws Exception {
		Missed m = missedMonday("Incomplete IOP");

		String page = mvc
			.perform(post("/sessions/" + m.monday().getId() + "/make-ups")
				.param("counselorId", String.valueOf(m.counselor().getId()))
				.param("date", FRIDAY.toString())
				.param("durationMinutes", "180")
				.param("location", "Room 2")
				.with(as(m.coordinator()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("Choose one of the free times.", "Choose who makes it up.");
		assertThat(makeUpsOf(m.monday())).isZero();
	}

	@Test
	void aMakeUpAtAFreeTimeIsScheduledForTheMissedSessionAndAudited() throws Exception {
		Missed m = missedMonday("Scheduled IOP");

		MvcResult result = mvc.perform(schedule(m, FRIDAY, "10:00")).andExpect(status().is3xxRedirection()).andReturn();

		long added = Long.parseLong(result.getResponse().getRedirectedUrl().replace("/sessions/", ""));
		DatedSession makeUp = sessions.get(added);
		assertThat(makeUp.getMakeUpForSessionId()).isEqualTo(m.monday().getId());
		assertThat(makeUp.getDate()).isEqualTo(FRIDAY);
		assertThat(makeUp.getMakeUpParticipants()).containsExactly(m.participant().getId());
		assertThat(auditLog.search(m.participant().getId(), m.coordinator().getId(), null, null, 0, 50)
			.stream()
			.map(e -> e.getAction() + " " + e.getMethod())).contains(AuditAction.ADD_MAKE_UP + " POST");
	}

	@Test
	void aMissedSessionsPageAndAnAtRiskDashboardRowLeadToTheMakeUp() throws Exception {
		Missed m = missedMonday("Links IOP");
		long program = m.evening().program().getId();

		assertThat(body(get("/sessions/" + m.monday().getId()).with(as(m.coordinator()))))
			.contains("/sessions/" + m.monday().getId() + "/make-up?participantId=" + m.participant().getId());
		// absent on Monday, Wednesday's group not yet over: at risk
		String dashboard = body(get("/programs/" + program + "/dose?week=2026-W45").with(as(m.coordinator())));
		assertThat(dashboard).contains("data-status=\"AT_RISK\"",
				"/participants/" + m.participant().getId() + "/make-up?week=2026-W45");
		String week = body(
				get("/participants/" + m.participant().getId() + "/make-up?week=2026-W45").with(as(m.coordinator())));
		assertThat(week).contains("Make-up for Blake Romero", "2 Nov - 8 Nov", "absent",
				"/sessions/" + m.monday().getId() + "/make-up?participantId=" + m.participant().getId());
	}

	@Test
	void theOrganisationDashboardCountsEveryProgramByStatusAndDrillsDownToOneStatus() throws Exception {
		Missed m = missedMonday("Counted IOP");
		long program = m.evening().program().getId();

		String page = body(get("/dosage?week=2026-W45").with(as(m.coordinator())));

		assertThat(page).contains("2 Nov - 8 Nov", "Counted IOP", "href=\"/dosage.csv?week=2026-W45\"",
				"/programs/" + program + "/dose?week=2026-W45&amp;status=AT_RISK",
				"aria-label=\"1 At risk in Counted IOP\"");
		Account onTrack = fixtures.participant("Casey Holt");
		fixtures.enrol(m.evening().program(), onTrack, PageFixtures.MONDAY.minusWeeks(2), m.evening().blockIds());
		fixtures.mark(m.monday(), onTrack, AttendanceStatus.PRESENT, null, m.counselor());
		fixtures.mark(fixtures.session(m.evening().program(), m.evening().wednesday(), PageFixtures.MONDAY.plusDays(2)),
				onTrack, AttendanceStatus.PRESENT, null, m.counselor());
		String drilled = body(
				get("/programs/" + program + "/dose?week=2026-W45&status=AT_RISK").with(as(m.coordinator())));
		assertThat(drilled).contains("Blake Romero", "Only At risk").doesNotContain("Casey Holt");
	}

	@Test
	void theOrganisationCsvDownloadsWithThePagesSignIn() throws Exception {
		Missed m = missedMonday("Exported IOP");

		MvcResult started = mvc.perform(get("/dosage.csv?week=2026-W45").with(as(m.coordinator())))
			.andExpect(request().asyncStarted())
			.andReturn();
		mvc.perform(asyncDispatch(started))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(org.hamcrest.Matchers.startsWith("program_id,participant_id")));
		mvc.perform(get("/dosage.csv?week=2026-W45").with(as(m.counselor()))).andExpect(status().isForbidden());
		mvc.perform(get("/dosage").with(as(m.counselor()))).andExpect(status().isForbidden());
	}

	@Test
	void theOrganisationDashboardRunsTheSameStatementsWhateverTheNumberOfPrograms() throws Exception {
		Missed m = missedMonday("Guarded IOP");
		Cost before = cost(m.coordinator());
		for (int i = 0; i < 5; i++) {
			Account counselor = fixtures.counselor("Guard Counselor");
			Evening more = fixtures.evening(PageFixtures.unique("Guard IOP"), counselor);
			fixtures.enrol(more.program(), fixtures.participant("Guard Participant"), PageFixtures.MONDAY.minusWeeks(2),
					more.blockIds());
		}
		Cost after = cost(m.coordinator());
		assertThat(after.statements()).as(after.toString()).isEqualTo(before.statements()).isLessThanOrEqualTo(12);
	}

	private Cost cost(Account coordinator) throws Exception {
		body(get("/dosage?week=2026-W45").with(as(coordinator))); // makes the week's
																	// sessions
		return SqlWork.measure(() -> {
			try {
				body(get("/dosage?week=2026-W45").with(as(coordinator)));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
	}

	private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private org.springframework.test.web.servlet.RequestBuilder schedule(Missed m, LocalDate date, String start) {
		return post("/sessions/" + m.monday().getId() + "/make-ups")
			.param("participantIds", String.valueOf(m.participant().getId()))
			.param("counselorId", String.valueOf(m.counselor().getId()))
			.param("date", date.toString())
			.param("startTime", start)
			.param("durationMinutes", "180")
			.param("location", "Room 2")
			.with(as(m.coordinator()))
			.with(csrf());
	}

	private int makeUpsOf(DatedSession missed) {
		return jdbc.queryForObject("select count(*) from dated_session where make_up_for_session_id = ?", Integer.class,
				missed.getId());
	}

}
