package org.iopscheduler.browser;

import java.sql.Timestamp;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.iopscheduler.people.Account;
import org.iopscheduler.support.SqlWork;
import org.iopscheduler.people.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log page (issue 12, item 7), the people search (item 8), the 404 page and the
 * favicon, through MockMvc. AuditAndPeopleBrowserTest drives the same in Chromium.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class, SqlWork.class })
class AuditAndPeoplePagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	JdbcTemplate jdbc;

	private static RequestPostProcessor as(Account account) {
		return user(SignedIn.of(account, false));
	}

	private void line(Account actor, String action, Account participant, String at, String target) {
		jdbc.update(
				"insert into audit_event (occurred_at, actor_id, actor_role, action, participant_id, http_method, target)"
						+ " values (?, ?, ?, ?, ?, 'GET', ?)",
				Timestamp.from(Instant.parse(at)), actor.getId(), actor.getRole().name(), action,
				participant != null ? participant.getId() : null, target);
	}

	@Test
	void theAuditLogNamesWhoReadWhoseRecordsAndFiltersByParticipantStaffActionAndDates() throws Exception {
		Account coordinator = fixtures.coordinator("Ines Audit");
		Account counselor = fixtures.counselor("Dana Whitfield");
		Account alex = fixtures.participant("Alex Rivera");
		Account blair = fixtures.participant("Blair Stone");
		line(counselor, "READ_ROSTER", alex, "2026-11-20T15:00:00Z", "/sessions/7");
		line(counselor, "MARK_ATTENDANCE", alex, "2026-11-23T15:00:00Z", "/sessions/7/attendance");
		line(coordinator, "READ_PARTICIPANT", blair, "2026-11-24T15:00:00Z", "/participants/" + blair.getId());

		mvc.perform(get("/audit").param("participant", alex.getUsername()).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dana Whitfield")))
			.andExpect(content().string(containsString("Alex Rivera")))
			.andExpect(content().string(containsString("<td>Read a session roster</td>")))
			.andExpect(content().string(containsString("<td>Marked attendance</td>")))
			.andExpect(content().string(containsString("Fri 20 Nov")))
			.andExpect(content().string(containsString("2 lines match")))
			.andExpect(content().string(not(containsString("Blair Stone"))));
		mvc.perform(get("/audit").param("staff", counselor.getUsername())
			.param("action", "MARK_ATTENDANCE")
			.with(as(coordinator)))
			.andExpect(content().string(containsString("1 line matches")))
			.andExpect(content().string(not(containsString("<td>Read a session roster</td>"))));
		mvc.perform(get("/audit").param("participant", alex.getUsername())
			.param("from", "2026-11-21")
			.param("to", "2026-11-23")
			.with(as(coordinator)))
			.andExpect(content().string(containsString("1 line matches")))
			.andExpect(content().string(containsString("<td>Marked attendance</td>")));
	}

	@Test
	void aPageOfFiftyLinesWithNamesCostsTheSameStatementsAsAPageOfOne() throws Exception {
		Account coordinator = fixtures.coordinator("Ines Counting");
		Account counselor = fixtures.counselor("Counting Counselor");
		Account one = fixtures.participant("Single Line");
		for (int i = 0; i < 50; i++) {
			Account participant = i == 0 ? one : fixtures.participant("Counted " + i);
			line(counselor, "READ_ROSTER", participant, "2026-11-20T15:00:00Z", "/sessions/9");
		}
		SqlWork.Cost small = SqlWork.measure(() -> page(coordinator, "participant", one.getUsername()));
		SqlWork.Cost large = SqlWork.measure(() -> page(coordinator, "staff", counselor.getUsername()));
		// the names are joined in: no look-up per line
		assertThat(large.statements()).as(large.toString()).isEqualTo(small.statements());
	}

	private void page(Account coordinator, String filter, String username) {
		try {
			mvc.perform(get("/audit").param(filter, username).with(as(coordinator))).andExpect(status().isOk());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void aFilterWithEndBeforeStartOrAnUnknownActionIsShownNextToItsFieldsNotFailed() throws Exception {
		Account coordinator = fixtures.coordinator("Ines Filters");
		mvc.perform(get("/audit").param("from", "2026-11-23")
			.param("to", "2026-11-20")
			.param("action", "DELETE_EVERYTHING")
			.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The last day must not come before the first.")))
			.andExpect(content().string(containsString("id=\"audit-action-error\"")))
			.andExpect(content().string(containsString("No lines match.")));
	}

	@Test
	void theAuditLogComesAPageAtATimeNewestFirstWithLinksThatKeepTheFilters() throws Exception {
		Account coordinator = fixtures.coordinator("Ines Pages");
		Account counselor = fixtures.counselor("Paging Counselor");
		Account alex = fixtures.participant("Paged Participant");
		for (int i = 0; i < 55; i++) {
			line(counselor, "READ_ROSTER", alex, Instant.parse("2026-11-01T00:00:00Z").plusSeconds(60L * i).toString(),
					"/sessions/line-" + i);
		}
		String first = mvc.perform(get("/audit").param("participant", alex.getUsername()).with(as(coordinator)))
			.andExpect(content().string(containsString("55 lines match")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains("/sessions/line-54").doesNotContain("/sessions/line-4<");
		// the participant chosen by username is carried by id
		assertThat(first).contains("href=\"/audit?participantId=" + alex.getId() + "&amp;page=1\"");
		mvc.perform(get("/audit").param("participant", alex.getUsername()).param("page", "1").with(as(coordinator)))
			.andExpect(content().string(containsString("/sessions/line-4<")))
			.andExpect(content().string(not(containsString("/sessions/line-54"))));
		// past the bound: the last page allowed, with its link back, never a 500
		mvc.perform(get("/audit").param("page", "2147483647").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/audit?page=1999\"")));
	}

	@Test
	void theAuditLogExportsItsFilteredLinesAsCsvWithNamesAndTheFormulaGuard() throws Exception {
		Account coordinator = fixtures.coordinator("Ines Export");
		Account counselor = fixtures.counselor("=HYPERLINK(\"x\")");
		Account alex = fixtures.participant("Exported Participant");
		line(counselor, "READ_DOSAGE", alex, "2026-11-24T15:00:00Z", "/participants/" + alex.getId() + "/dose");

		String csv = mvc.perform(get("/audit.csv").param("participant", alex.getUsername()).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv.split("\r\n")).hasSize(2);
		assertThat(csv).startsWith("at,staff,staff_username,staff_role,action,participant,participant_username,")
			.contains("\"'=HYPERLINK(\"\"x\"\")\"")
			.contains("READ_DOSAGE,Exported Participant," + alex.getUsername());
	}

	@Test
	void readingTheAuditLogIsItselfALineOfTheLogNamingNobody() throws Exception {
		Account coordinator = fixtures.coordinator("Ines Reader");
		mvc.perform(get("/audit").with(as(coordinator))).andExpect(status().isOk());
		mvc.perform(get("/audit.csv").with(as(coordinator))).andExpect(status().isOk());
		assertThat(jdbc.queryForList("select target from audit_event where actor_id = ? and action = 'READ_AUDIT_LOG' "
				+ "and participant_id is null order by id", String.class, coordinator.getId()))
			.containsExactly("/audit", "/audit.csv");
	}

	@Test
	void onlyCoordinatorsOpenTheAuditLogOthersGetTheForbiddenPage() throws Exception {
		Account counselor = fixtures.counselor("Nosy Counselor");
		Account participant = fixtures.participant("Nosy Participant");
		for (Account other : new Account[] { counselor, participant }) {
			for (String page : new String[] { "/audit", "/audit.csv" }) {
				// the container renders error/403 (the browser test sees it); MockMvc
				// stops
				// at the status
				mvc.perform(get(page).with(as(other)).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
			}
		}
		// the pages' sign-in, not an HTTP Basic prompt
		mvc.perform(get("/audit"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"))
			.andExpect(header().doesNotExist("WWW-Authenticate"));
	}

	@Test
	void theStaffAndParticipantFiltersTakeTheStartOfANameOrUsernameAndShowWhoIsChosenByName() throws Exception {
		Account coordinator = fixtures.coordinator("Ines Names");
		Account oriel = fixtures.counselor("Oriel Vantongeren");
		Account other = fixtures.counselor("Oriel Vantage");
		Account wren = fixtures.participant("Wren Halloway");
		line(oriel, "READ_ROSTER", wren, "2026-11-20T15:00:00Z", "/sessions/31");
		line(other, "MARK_ATTENDANCE", wren, "2026-11-21T15:00:00Z", "/sessions/32/attendance");

		for (String typed : new String[] { "vantongeren", "Oriel Vanto", oriel.getUsername() }) {
			mvc.perform(get("/audit").param("staff", typed).with(as(coordinator)))
				.andExpect(content()
					.string(containsString("Read or changed by Oriel Vantongeren (" + oriel.getUsername() + ").")))
				.andExpect(content().string(containsString("1 line matches")))
				.andExpect(content().string(containsString("value=\"Oriel Vantongeren\"")))
				.andExpect(content().string(containsString("href=\"/audit.csv?staffId=" + oriel.getId() + "\"")));
		}
		mvc.perform(get("/audit").param("participant", "halloway").with(as(coordinator)))
			.andExpect(content().string(containsString("Records of Wren Halloway")))
			.andExpect(content().string(containsString("2 lines match")));
		// staff and participants are searched apart
		mvc.perform(get("/audit").param("staff", "halloway").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("No staff member&#39;s name or username starts with &quot;halloway&quot;.")))
			.andExpect(content().string(containsString("No lines match.")));
	}

	@Test
	void whenSeveralPeopleMatchTheCoordinatorChoosesOneAndTheChoiceKeepsTheOtherFilters() throws Exception {
		Account coordinator = fixtures.coordinator("Ines Chooser");
		Account first = fixtures.counselor("Perrin Ashgrove");
		Account second = fixtures.counselor("Perrin Ashbury");
		Account quill = fixtures.participant("Quill Marrow");
		line(first, "READ_ROSTER", quill, "2026-11-20T15:00:00Z", "/sessions/41");
		line(second, "READ_ROSTER", quill, "2026-11-20T16:00:00Z", "/sessions/42");

		mvc.perform(get("/audit").param("staff", "perrin ash").param("action", "READ_ROSTER").with(as(coordinator)))
			.andExpect(
					content().string(containsString("Several staff members match &quot;perrin ash&quot;: choose one.")))
			.andExpect(content().string(containsString("Choose whom you mean to see their lines.")))
			.andExpect(content().string(not(containsString("/sessions/41"))))
			.andExpect(content().string(containsString(
					"href=\"/audit?staffId=" + second.getId() + "&amp;action=READ_ROSTER\">Perrin Ashbury</a>")))
			.andExpect(content().string(containsString(
					"href=\"/audit?staffId=" + first.getId() + "&amp;action=READ_ROSTER\">Perrin Ashgrove</a>")));
		mvc.perform(get("/audit").param("staffId", second.getId().toString())
			.param("action", "READ_ROSTER")
			.with(as(coordinator)))
			.andExpect(content().string(containsString("Read or changed by Perrin Ashbury")))
			.andExpect(content().string(containsString("/sessions/42")))
			.andExpect(content().string(not(containsString("/sessions/41"))));
		// the CSV keeps the same filter, and asks again when it is not decided
		String csv = mvc.perform(get("/audit.csv").param("staffId", second.getId().toString()).with(as(coordinator)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("/sessions/42").doesNotContain("/sessions/41");
		mvc.perform(get("/audit.csv").param("staff", "perrin ash").with(as(coordinator)))
			.andExpect(content().string(containsString("Several staff members match")));
		// a name typed over the chosen one is a new search
		mvc.perform(get("/audit").param("staffId", second.getId().toString())
			.param("staff", "Perrin Ashg")
			.with(as(coordinator))).andExpect(content().string(containsString("Read or changed by Perrin Ashgrove")));
	}

	@Test
	void theFilterFieldsSuggestPeopleAsTheCoordinatorTypes() throws Exception {
		Account coordinator = fixtures.coordinator("Ines Typing");
		Account one = fixtures.counselor("Saoirse Brackenbury");
		Account wren = fixtures.participant("Saoirse Brackley");
		mvc.perform(get("/audit/people").param("kind", "STAFF").param("staff", "saoirse brack").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<datalist id=\"audit-staff-options\">")))
			.andExpect(content()
				.string(containsString("<option value=\"" + one.getUsername() + "\">Saoirse Brackenbury</option>")))
			.andExpect(content().string(not(containsString("Saoirse Brackley"))));
		mvc.perform(get("/audit/people").param("kind", "PARTICIPANT")
			.param("participant", "saoirse brack")
			.with(as(coordinator))).andExpect(content().string(containsString("Saoirse Brackley")));
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_event where actor_id = ? and participant_id = ? and action = 'READ_PARTICIPANT'",
				Integer.class, coordinator.getId(), wren.getId()))
			.isOne();
	}

	@Test
	void thePeopleSearchFindsParticipantsByTheStartOfAnyNameOrUsernameWhateverTheCase() throws Exception {
		Account coordinator = fixtures.coordinator("Search Coordinator");
		Account dana = fixtures.participant("Dana Quillfeather");
		fixtures.participant("Morgan Quist");
		fixtures.participant("Robin Zell");

		for (String query : new String[] { "quillf", "QUILLF", "dana quill", dana.getUsername().toUpperCase() }) {
			mvc.perform(get("/people").param("q", query).with(as(coordinator)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Dana Quillfeather")))
				.andExpect(content().string(not(containsString("Robin Zell"))));
		}
		mvc.perform(get("/people").param("q", "qui").with(as(coordinator)))
			.andExpect(content().string(containsString("Dana Quillfeather")))
			.andExpect(content().string(containsString("value=\"qui\"")))
			.andExpect(content().string(containsString("Morgan Quist")));
		mvc.perform(get("/people").param("q", "qui").param("page", "2").with(as(coordinator)))
			.andExpect(content().string(containsString("href=\"/people?page=1&amp;q=qui\"")));
		// LIKE's wildcards are letters here: "%" finds nobody, not everybody
		mvc.perform(get("/people").param("q", "%").with(as(coordinator)))
			.andExpect(content().string(containsString("No one matches.")))
			.andExpect(content().string(not(containsString("Robin Zell"))));
	}

	@Test
	void theParticipantsAPeopleSearchShowsAreAuditedAsRead() throws Exception {
		Account coordinator = fixtures.coordinator("Search Auditor");
		Account found = fixtures.participant("Wren Audited");
		mvc.perform(get("/people").param("q", "wren aud").with(as(coordinator))).andExpect(status().isOk());
		assertThat(jdbc.queryForObject(
				"select count(*) from audit_event where actor_id = ? and participant_id = ? and action = 'READ_PARTICIPANT'",
				Integer.class, coordinator.getId(), found.getId()))
			.isOne();
	}

	@Test
	void anUnknownPageShowsTheStyled404PageAndAnUnknownApiPathAnswersProblemJson() throws Exception {
		Account coordinator = fixtures.coordinator("Lost Coordinator");
		mvc.perform(get("/no-such-page").with(as(coordinator)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", startsWith("text/html")))
			.andExpect(content().string(containsString("Page not found")))
			.andExpect(content().string(containsString("Lost Coordinator")));
		mvc.perform(get("/api/no-such-thing").with(as(coordinator)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")))
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(get("/no-such-page").with(as(coordinator)).accept(MediaType.APPLICATION_JSON))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", startsWith("application/problem+json")));
	}

	@Test
	void theFaviconNeedsNoSignInAndEveryPageLinksIt() throws Exception {
		mvc.perform(get("/favicon.ico")).andExpect(status().isFound()).andExpect(redirectedUrl("/favicon.svg"));
		mvc.perform(get("/favicon.svg"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", startsWith("image/svg+xml")));
		mvc.perform(get("/login")).andExpect(content().string(containsString("rel=\"icon\"")));
	}

}
