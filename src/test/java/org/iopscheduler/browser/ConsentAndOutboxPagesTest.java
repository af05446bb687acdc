package org.iopscheduler.browser;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.contact.Consents;
import org.iopscheduler.notification.NewMessage;
import org.iopscheduler.notification.NotificationKind;
import org.iopscheduler.notification.Outbox;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
 * The "Contact consent" section of a participant's page and of their own page, and the
 * coordinators' outbox page, without a browser.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class })
class ConsentAndOutboxPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	Consents consents;

	@Autowired
	Outbox outbox;

	@Autowired
	PlatformTransactionManager transactions;

	private static RequestPostProcessor as(Account account) {
		return user(SignedIn.of(account, false));
	}

	@Test
	void aCoordinatorRecordsAndWithdrawsConsentOnTheParticipantsPage() throws Exception {
		Account coordinator = fixtures.coordinator("Page Coordinator");
		Account pat = fixtures.participant("Consent Participant");
		String page = "/participants/" + pat.getId();

		mvc.perform(
				post(page + "/consents/EMAIL").param("address", "pat@example.org").with(csrf()).with(as(coordinator)))
			.andExpect(redirectedUrl(page));
		mvc.perform(get(page).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Contact consent")))
			.andExpect(content().string(containsString("Consent given for pat@example.org.")));
		mvc.perform(post(page + "/consents/EMAIL/withdraw").with(csrf()).with(as(coordinator)))
			.andExpect(redirectedUrl(page));

		assertThat(consents.current(pat.getId())).isEmpty();
		assertThat(consents.of(pat.getId())).hasSize(1);
	}

	@Test
	void aParticipantRecordsTheirOwnConsentOnTheirPage() throws Exception {
		Account pat = fixtures.participant("Own Consent");

		mvc.perform(post("/me/consents/SMS").param("address", "+15551234567").with(csrf()).with(as(pat)))
			.andExpect(redirectedUrl("/me"));
		mvc.perform(get("/me").with(as(pat)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Consent given for +15551234567.")));
		assertThat(consents.activeAddress(pat.getId(), ContactChannel.SMS)).contains("+15551234567");
	}

	@Test
	void aParticipantCannotGiveConsentForAnother() throws Exception {
		Account pat = fixtures.participant("Nosy");
		Account other = fixtures.participant("Other");

		mvc.perform(post("/participants/" + other.getId() + "/consents/EMAIL").param("address", "x@example.org")
			.with(csrf())
			.with(as(pat))).andExpect(status().isForbidden());
		assertThat(consents.of(other.getId())).isEmpty();
	}

	@Test
	void theCoordinatorsOutboxPageShowsTheMessagesWithTheirText() throws Exception {
		Account coordinator = fixtures.coordinator("Outbox Reader");
		Account pat = fixtures.participant("Outbox Participant");
		new TransactionTemplate(transactions)
			.executeWithoutResult(s -> outbox.enqueue(new NewMessage(NotificationKind.REMINDER, ContactChannel.EMAIL,
					pat.getId(), pat.getId(), null, 1440, PageFixtures.unique("page-"), "Appointment tomorrow",
					"You have an appointment tomorrow at 18:00.", Instant.parse("2026-11-26T17:00:00Z"))));

		mvc.perform(get("/notifications").param("participantId", String.valueOf(pat.getId())).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You have an appointment tomorrow at 18:00.")))
			.andExpect(content().string(containsString("Waiting")))
			.andExpect(content().string(containsString("href=\"/notifications\"")));
		mvc.perform(get("/notifications").param("status", "FAILED").with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("You have an appointment tomorrow at 18:00."))));
		mvc.perform(get("/notifications").with(as(pat))).andExpect(status().isForbidden());
	}

}
