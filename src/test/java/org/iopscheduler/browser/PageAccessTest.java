package org.iopscheduler.browser;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages' door (the form-login filter chain) and every page rendering, without a
 * browser: runs in the default build. The browser tests drive the same pages in Chromium
 * under -Pbrowser.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class })
class PageAccessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	AuditLog auditLog;

	private static RequestPostProcessor as(Account account) {
		return user(SignedIn.of(account, false));
	}

	@Test
	void everyPageOfEachRoleRenders() throws Exception {
		Account coordinator = fixtures.coordinator("Page Coordinator");
		Account counselor = fixtures.counselor("Page Counselor");
		Evening evening = fixtures.evening("Rendering IOP", counselor);
		Account participant = fixtures.participant("Page Participant");
		fixtures.enrol(evening.program(), participant, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		long program = evening.program().getId();
		long session = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY).getId();

		for (String page : new String[] { "/programs", "/people", "/people?page=1",
				"/programs/" + program + "/calendar", "/programs/" + program + "/calendar?week=2026-W46",
				"/programs/" + program + "/blocks/new", "/blocks/" + evening.monday().getId() + "/edit",
				"/programs/" + program + "/enrol",
				"/programs/" + program + "/enrol/plan?blockIds=" + evening.monday().getId(),
				"/programs/" + program + "/dose", "/programs/" + program + "/dose?show=attention",
				"/sessions/" + session, "/sessions/" + session + "/attendance", "/participants/" + participant.getId(),
				"/sessions", "/password", "/accounts/" + counselor.getId(), "/accounts/" + participant.getId(),
				"/accounts/" + coordinator.getId() }) {
			mvc.perform(get(page).with(as(coordinator))).andExpect(status().isOk());
		}
		mvc.perform(get("/sessions").with(as(counselor))).andExpect(status().isOk());
		mvc.perform(get("/password").with(as(counselor))).andExpect(status().isOk());
		mvc.perform(get("/password").with(as(participant))).andExpect(status().isOk());
		mvc.perform(get("/accounts/" + participant.getId()).with(as(counselor))).andExpect(status().isForbidden());
		mvc.perform(get("/sessions/" + session + "/attendance").with(as(counselor))).andExpect(status().isOk());
		mvc.perform(get("/me").with(as(participant))).andExpect(status().isOk());
		mvc.perform(get("/me?week=2026-W44").with(as(participant))).andExpect(status().isOk());
		mvc.perform(get("/login")).andExpect(status().isOk());
	}

	/**
	 * The running total asks the plan rules for their refusal (no exception caught) and
	 * shows its message, in the page's words: without the request field's name.
	 */
	@Test
	void theEnrolPagesRunningTotalShowsTheMinimumRulesRefusal() throws Exception {
		Account coordinator = fixtures.coordinator("Preview Coordinator");
		Evening evening = fixtures.evening("Preview IOP", fixtures.counselor("Preview Counselor"));
		String plan = "/programs/" + evening.program().getId() + "/enrol/plan?blockIds=";
		mvc.perform(get(plan + evening.monday().getId()).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enrolling would be refused. The plan gives 3 h a week")))
			.andExpect(content().string(not(containsString("blockIds:"))));
		mvc.perform(get(plan
				+ evening.blockIds().stream().map(String::valueOf).reduce((a, b) -> a + "&blockIds=" + b).orElseThrow())
			.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Enrolling would be refused"))));
		mvc.perform(get(plan + "999999").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("One of the chosen blocks is not a block of this program.")));
	}

	@Autowired
	org.iopscheduler.calendar.Blocks blocks;

	@Test
	void theBlocksTableAndTheEditFormShowEveryScheduledChange() throws Exception {
		Account coordinator = fixtures.coordinator("Schedule Coordinator");
		Account counselor = fixtures.counselor("Schedule Counselor");
		Evening evening = fixtures.evening("Scheduled IOP", counselor);
		java.time.LocalDate from = PageFixtures.MONDAY.plusWeeks(3);
		blocks.change(evening.monday().getId(), new org.iopscheduler.calendar.BlockChange(from, null,
				java.time.LocalTime.of(17, 30), null, null, null, null, null, null));
		String line = "From " + org.iopscheduler.system.PageFormat.day(from) + ": ";
		mvc.perform(get("/programs/" + evening.program().getId() + "/calendar").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(line)))
			.andExpect(content().string(containsString("17:30")));
		mvc.perform(get("/blocks/" + evening.monday().getId() + "/edit").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(line)));
	}

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void anAttendanceSheetRowBeyondTheRosterIsRefusedAndNothingIsSaved() throws Exception {
		Account counselor = fixtures.counselor("Rows Counselor");
		Evening evening = fixtures.evening("Rows IOP", counselor);
		Account participant = fixtures.participant("Rows Participant");
		fixtures.enrol(evening.program(), participant, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		long session = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY).getId();

		// within the binder's limit of 256 rows, and beyond it (a 500 until #11)
		for (String beyond : new String[] { "rows[1]", "rows[200]", "rows[5000]", "rows[2147483647]" }) {
			mvc.perform(post("/sessions/" + session + "/attendance").with(as(counselor))
				.with(csrf())
				.param("rows[0].participantId", String.valueOf(participant.getId()))
				.param("rows[0].status", "PRESENT")
				.param(beyond + ".status", "ABSENT"))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("rows[")));
		}
		assertThat(jdbc.queryForObject("select count(*) from attendance_mark where session_id = ?", Integer.class,
				session))
			.isZero();
	}

	@Test
	void aPeoplePageBeyondTheLastAllowedShowsThatLastPageInsteadOfFailing() throws Exception {
		Account coordinator = fixtures.coordinator("Far Page Coordinator");

		// at most 100000 rows are skipped: page 1000 of 100; page=2147483647 overflowed
		// into a 500 until #11
		mvc.perform(get("/people?page=2147483647").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/people?page=999\"")));
	}

	@Test
	void thePeoplePageListsAPageOfPeopleAtATimeAndLinksBackFromALaterPage() throws Exception {
		Account coordinator = fixtures.coordinator("Paging Coordinator");

		// each person links to their account page (reset, unlock)
		String listed = "<li><a href=\"/accounts/" + coordinator.getId() + "\">Paging Coordinator</a></li>";
		mvc.perform(get("/people?page=3").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/people?page=2\"")))
			.andExpect(content().string(not(containsString(listed))));
		mvc.perform(get("/people").with(as(coordinator))).andExpect(content().string(containsString(listed)));
	}

	@Test
	void eachRoleIsSentToItsOwnStartPage() throws Exception {
		mvc.perform(get("/").with(as(fixtures.coordinator("A")))).andExpect(redirectedUrl("/programs"));
		mvc.perform(get("/").with(as(fixtures.counselor("B")))).andExpect(redirectedUrl("/sessions"));
		mvc.perform(get("/").with(as(fixtures.participant("C")))).andExpect(redirectedUrl("/me"));
	}

	@Test
	void anAnonymousVisitorIsSentToSignIn() throws Exception {
		mvc.perform(get("/programs")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anotherParticipantsPageIsNotFoundAndNamesNobody() throws Exception {
		Account one = fixtures.participant("Nia Okonkwo");
		Account other = fixtures.participant("Oren Falk");

		mvc.perform(get("/participants/" + other.getId()).with(as(one)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("Oren Falk"))));
	}

	@Test
	void staffPagesAreForbiddenToParticipants() throws Exception {
		mvc.perform(get("/programs").with(as(fixtures.participant("P")))).andExpect(status().isForbidden());
		mvc.perform(get("/sessions").with(as(fixtures.participant("Q")))).andExpect(status().isForbidden());
	}

	@Test
	void counselorsReadButDoNotChangePrograms() throws Exception {
		Account counselor = fixtures.counselor("Reader");
		mvc.perform(get("/programs").with(as(counselor))).andExpect(status().isOk());
		mvc.perform(post("/programs").param("name", "X").with(as(counselor)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/people").with(as(counselor))).andExpect(status().isForbidden());
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
		Account coordinator = fixtures.coordinator("D");
		mvc.perform(post("/programs").param("name", "Forged").with(as(coordinator))).andExpect(status().isForbidden());
		mvc.perform(post("/programs").param("name", "Genuine")
			.param("population", "ADULT")
			.param("timeZone", "America/New_York")
			.with(as(coordinator))
			.with(csrf())).andExpect(status().is3xxRedirection());
	}

	@Test
	void theProgramFormOffersTimeZonesAsAChoiceOfRegionsNotFreeText() throws Exception {
		Account coordinator = fixtures.coordinator("Zone Chooser");
		mvc.perform(get("/programs").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"timeZone\" name=\"timeZone\">")))
			.andExpect(content().string(containsString("<optgroup label=\"America\">")))
			.andExpect(content()
				.string(containsString("value=\"America/New_York\" selected=\"selected\">New York</option>")))
			.andExpect(content().string(not(containsString("type=\"text\" id=\"timeZone\""))));
	}

	@Test
	void theProgramFormRefusesAFixedOffsetNextToTheZoneField() throws Exception {
		Account coordinator = fixtures.coordinator("Zone Coordinator");
		mvc.perform(post("/programs").param("name", "Offset IOP")
			.param("population", "ADULT")
			.param("timeZone", "-05:00")
			.with(as(coordinator))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("never follows daylight saving")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		mvc.perform(get("/programs").with(as(coordinator)))
			.andExpect(content().string(not(containsString("Offset IOP"))));
	}

	@Test
	void aFormDateOutsideTheAcceptedRangeIsRefusedNextToItsField() throws Exception {
		Account coordinator = fixtures.coordinator("Date Coordinator");
		mvc.perform(post("/people/participants").param("username", "born.too.early")
			.param("password", "a-long-enough-password")
			.param("fullName", "Born Too Early")
			.param("dateOfBirth", "1899-12-31")
			.with(as(coordinator))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a date from 1900-01-01 to 2200-12-31.")));
		mvc.perform(get("/people").with(as(coordinator)))
			.andExpect(content().string(not(containsString("Born Too Early"))));
	}

	@Test
	void aPageThatShowsOrChangesAParticipantsRecordsLeavesAnAuditLine() throws Exception {
		Account coordinator = fixtures.coordinator("Auditing Coordinator");
		Account counselor = fixtures.counselor("Auditing Counselor");
		Evening evening = fixtures.evening("Audited IOP", counselor);
		Account participant = fixtures.participant("Audited Participant");
		fixtures.enrol(evening.program(), participant, PageFixtures.MONDAY.minusWeeks(1), evening.blockIds());
		long session = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY).getId();

		mvc.perform(get("/participants/" + participant.getId()).with(as(coordinator))).andExpect(status().isOk());
		mvc.perform(post("/sessions/" + session + "/attendance")
			.param("rows[0].participantId", String.valueOf(participant.getId()))
			.param("rows[0].status", "PRESENT")
			.with(as(counselor))
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/me").with(as(participant))).andExpect(status().isOk());

		assertThat(linesAbout(participant)).contains(
				AuditAction.READ_PARTICIPANT + " by " + coordinator.getId() + " GET /participants/"
						+ participant.getId(),
				AuditAction.MARK_ATTENDANCE + " by " + counselor.getId() + " POST /sessions/" + session + "/attendance",
				AuditAction.READ_SCHEDULE + " by " + participant.getId() + " GET /me");
	}

	private List<String> linesAbout(Account participant) {
		return auditLog.search(participant.getId(), null, null, null, 0, 100)
			.stream()
			.map(e -> e.getAction() + " by " + e.getActorId() + " " + e.getMethod() + " " + e.getTarget())
			.toList();
	}

	@Test
	void theApiKeepsItsOwnDoorAndAnswersWithProblemJson() throws Exception {
		mvc.perform(get("/api/programs")).andExpect(status().isUnauthorized());
	}

}
