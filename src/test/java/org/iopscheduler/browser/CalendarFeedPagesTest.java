package org.iopscheduler.browser;

import org.junit.jupiter.api.Test;

import org.iopscheduler.people.Account;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.ContactWording;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar feed and the contact wording on the pages: a participant's and a
 * counselor's own feed (shown once), a coordinator's revoke on an account's page, and a
 * program's wording form.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class })
class CalendarFeedPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	Programs programs;

	private static RequestPostProcessor as(Account account) {
		return user(SignedIn.of(account, false));
	}

	@Test
	void aParticipantCreatesTheirFeedOnTheirPageAndSeesItsAddressOnce() throws Exception {
		Account participant = fixtures.participant("Feed Participant");

		mvc.perform(get("/me").with(as(participant)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Calendar feed")))
			.andExpect(content().string(containsString("action=\"/calendar-feed\"")));
		mvc.perform(post("/calendar-feed").with(as(participant)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern(
					"(?s).*id=\"feed-url\" type=\"text\" readonly value=\"http://localhost/feeds/[A-Za-z0-9_-]{43}\\.ics\".*")));
		mvc.perform(post("/calendar-feed/revoke").with(as(participant)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your calendar feed is off")));
	}

	@Test
	void aCounselorGivesTheirOwnAddressForStaffMessagesOnTheirSessionsPage() throws Exception {
		Account counselor = fixtures.counselor("Contact Counselor");
		mvc.perform(get("/sessions").with(as(counselor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/contact/EMAIL\"")));
		mvc.perform(post("/contact/EMAIL").param("address", "dana@clinic.example").with(as(counselor)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/sessions").with(as(counselor)))
			.andExpect(content().string(containsString("dana@clinic.example")));
		mvc.perform(post("/contact/EMAIL/withdraw").with(as(counselor)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/sessions").with(as(counselor)))
			.andExpect(content().string(not(containsString("dana@clinic.example"))));
		Account participant = fixtures.participant("Contact Participant");
		mvc.perform(post("/contact/EMAIL").param("address", "p@example.org").with(as(participant)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCounselorHasTheFeedOnTheirSessionsPageACoordinatorHasNone() throws Exception {
		Account counselor = fixtures.counselor("Feed Counselor");
		Account coordinator = fixtures.coordinator("Feed Coordinator");

		mvc.perform(get("/sessions").with(as(counselor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("action=\"/calendar-feed\"")));
		mvc.perform(get("/sessions").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("action=\"/calendar-feed\""))));
		mvc.perform(post("/calendar-feed").with(as(coordinator)).with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void aCoordinatorRevokesAnAccountsFeedFromItsPage() throws Exception {
		Account coordinator = fixtures.coordinator("Revoking Coordinator");
		Account counselor = fixtures.counselor("Revoked Counselor");

		mvc.perform(get("/accounts/" + counselor.getId()).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/accounts/" + counselor.getId() + "/calendar-feed/revoke")));
		mvc.perform(post("/accounts/" + counselor.getId() + "/calendar-feed/revoke").with(as(coordinator)).with(csrf()))
			.andExpect(redirectedUrl("/accounts/" + counselor.getId()));
		mvc.perform(post("/accounts/" + counselor.getId() + "/calendar-feed/revoke").with(as(counselor)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void aCoordinatorSetsAProgramsWordingOnItsForm() throws Exception {
		Account coordinator = fixtures.coordinator("Wording Coordinator");
		Account counselor = fixtures.counselor("Wording Counselor");
		Program program = fixtures.program("Wording IOP " + System.nanoTime());

		mvc.perform(get("/programs/" + program.getId() + "/wording").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Appointment\"")));
		mvc.perform(post("/programs/" + program.getId() + "/wording").with(as(coordinator))
			.with(csrf())
			.param("contactTitle", "Visit")
			.param("contactClinicName", "Main Street Clinic"))
			.andExpect(redirectedUrl("/programs/" + program.getId() + "/wording"));
		assertThat(programs.contactWording(program.getId()))
			.isEqualTo(new ContactWording("Visit", "Main Street Clinic"));
		mvc.perform(post("/programs/" + program.getId() + "/wording").with(as(coordinator))
			.with(csrf())
			.param("contactTitle", " ")
			.param("contactClinicName", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		mvc.perform(get("/programs/" + program.getId() + "/wording").with(as(counselor)))
			.andExpect(status().isForbidden());
	}

}
