package org.iopscheduler.browser;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.iopscheduler.attendance.CannotComeLinks;
import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.notification.NewMessage;
import org.iopscheduler.notification.NotificationKind;
import org.iopscheduler.notification.Outbox;
import org.iopscheduler.people.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages that reach participants outside the clinic (issue #14): reminder settings and
 * calendar wording, contact consent, the outbox, calendar feeds, "I can't come" signed in
 * and by a one-use link, and the make-up list the notices fill. Every page is checked
 * with axe-core as it loads and after each button.
 */
class ContactPagesBrowserTest extends BrowserTestBase {

	@Autowired
	Outbox outbox;

	@Autowired
	CannotComeLinks cannotComeLinks;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aCoordinatorSavesAProgramsReminderSettingsAndCalendarWording() {
		Evening evening = fixtures.evening("Reminder IOP", fixtures.counselor("Noor Haddad"));
		signIn(fixtures.coordinator("Rae Lindqvist").getUsername());

		open("/programs/" + evening.program().getId() + "/reminders");
		assertThat(text("h1")).isEqualTo("Reminders of Reminder IOP");
		type("firstLeadHours", "48");
		type("secondLeadHours", "2");
		submit(browser.findElement(By.cssSelector("form[action$='/reminders'] button[type=submit]")));
		assertThat(text("p[role=status]")).startsWith("Saved.");
		assertThat(browser.findElement(By.id("firstLeadHours")).getDomProperty("value")).isEqualTo("48");
		screenshot("reminder-settings");

		open("/programs/" + evening.program().getId() + "/wording");
		type("contactTitle", "Appointment");
		type("contactClinicName", "Northside Health");
		submit(browser.findElement(By.cssSelector("form[action$='/wording'] button[type=submit]")));
		assertThat(text(".notice")).isNotBlank();
		assertThat(browser.findElement(By.id("contactClinicName")).getDomProperty("value"))
			.isEqualTo("Northside Health");
	}

	@Test
	void aCoordinatorRecordsAConsentWithAnAddressOnTheParticipantsPageAndWithdrawsIt() {
		Account pat = fixtures.participant("Lena Moreau");
		signIn(fixtures.coordinator("Otto Brandt").getUsername());
		open("/participants/" + pat.getId());

		assertThat(text("#consent-title")).isEqualTo("Contact consent");
		type("consent-email", "lena@example.org");
		submit(browser.findElement(By.xpath("//form[contains(@action,'/consents/EMAIL')]//button")));
		assertThat(text(".contact-consent")).contains("Consent given for lena@example.org.");
		screenshot("participant-consent");

		submit(browser.findElement(By.xpath("//form[contains(@action,'/consents/EMAIL/withdraw')]//button")));
		assertThat(text(".contact-consent")).doesNotContain("Consent given for lena@example.org.");
	}

	@Test
	void aCoordinatorFiltersTheOutboxByStatus() {
		Account pat = fixtures.participant("Mika Laine");
		new TransactionTemplate(transactions)
			.executeWithoutResult(s -> outbox.enqueue(new NewMessage(NotificationKind.REMINDER, ContactChannel.EMAIL,
					pat.getId(), pat.getId(), null, 1440, PageFixtures.unique("browser-"), "Appointment tomorrow",
					"You have an appointment tomorrow at 18:00 in Room 2.", Instant.parse("2026-11-05T17:00:00Z"))));
		signIn(fixtures.coordinator("Ada Quist").getUsername());
		open("/notifications");

		type("notifications-participant", String.valueOf(pat.getId()));
		choose("notifications-status", "Waiting");
		submit(browser.findElement(By.cssSelector("form[action$='/notifications'] button[type=submit]")));
		assertThat(pageText()).contains("You have an appointment tomorrow at 18:00 in Room 2.", "Mika Laine");
		screenshot("notifications");

		choose("notifications-status", "Failed");
		submit(browser.findElement(By.cssSelector("form[action$='/notifications'] button[type=submit]")));
		assertThat(pageText()).doesNotContain("You have an appointment tomorrow at 18:00 in Room 2.");
	}

	@Test
	void aParticipantGivesConsentCreatesACalendarFeedAndSaysTheyCannotCome() {
		Account counselor = fixtures.counselor("Tove Aalto");
		Evening evening = fixtures.evening("Feed IOP", counselor);
		Account kit = fixtures.participant("Kit Ramsay");
		fixtures.enrol(evening.program(), kit, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());

		signIn(kit.getUsername());
		assertThat(browser.getCurrentUrl()).endsWith("/me");
		type("consent-sms", "+15551234567");
		submit(browser.findElement(By.xpath("//form[contains(@action,'/me/consents/SMS')]//button")));
		assertThat(text(".contact-consent")).contains("Consent given for +15551234567.");

		submit(browser.findElement(By.cssSelector("form.cannot-come button")));
		assertThat(text(".notice")).isEqualTo("Thank you. Your care team was told that you cannot come.");
		assertThat(pageText()).contains("You sent notice that you cannot come.");
		screenshot("participant-cannot-come");

		submit(browser.findElement(By.cssSelector("form[action$='/calendar-feed'] button")));
		assertThat(browser.findElement(By.id("feed-url")).getDomProperty("value")).contains("/feeds/").endsWith(".ics");
		signOut();

		signIn(counselor.getUsername());
		open("/make-up-list");
		assertThat(pageText()).contains("Kit Ramsay", "Feed IOP · Relapse prevention");
		screenshot("make-up-list-counselor");
	}

	@Test
	void aCounselorCreatesTheirFeedOnTheSessionsPageAndACoordinatorRevokesIt() {
		Account counselor = fixtures.counselor("Idris Nakamura");
		fixtures.evening("Counselor Feed IOP", counselor);

		signIn(counselor.getUsername());
		open("/sessions");
		assertThat(text("#calendar-feed-title")).isEqualTo("Calendar feed");
		submit(browser.findElement(By.cssSelector("form[action$='/calendar-feed'] button")));
		assertThat(text(".notice")).startsWith("Your new calendar feed is ready.");
		signOut();

		signIn(fixtures.coordinator("Freya Holm").getUsername());
		open("/accounts/" + counselor.getId());
		submit(browser.findElement(By.cssSelector("form[action$='/calendar-feed/revoke'] button")));
		assertThat(pageText()).contains("The account's calendar feed is revoked; its address no longer works.");
		screenshot("account-feed-revoked");
		open("/make-up-list");
		assertThat(text("h1")).isEqualTo("Make-up list");
	}

	@Test
	void aOneUseLinkOpensWithoutSigningInAndTellsTheCareTeam() {
		Account counselor = fixtures.counselor("Bo Lindahl");
		Evening evening = fixtures.evening("Link IOP", counselor);
		Account sam = fixtures.participant("Sam Varga");
		fixtures.enrol(evening.program(), sam, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		DatedSession thursday = fixtures.session(evening.program(), evening.thursday(),
				PageFixtures.MONDAY.plusDays(3));
		String token = new TransactionTemplate(transactions)
			.execute(s -> cannotComeLinks.issue(thursday.getId(), sam.getId()));

		open(CannotComeLinks.PATH + token);
		assertThat(text("h1")).isEqualTo("Appointment");
		assertThat(pageText()).contains("Thursday 5 November 2026", "Room 4")
			.doesNotContain("Link IOP", "Relapse prevention", "Bo Lindahl");
		WebElement button = browser.findElement(By.cssSelector("section.cannot-come form button"));
		submit(button);
		assertThat(text("p[role=status]")).isEqualTo("Thank you. Your care team was told that you cannot come.");
		screenshot("cannot-come-answer");

		open(CannotComeLinks.PATH + token);
		assertThat(text("p[role=status]")).startsWith("Notice was already sent");
	}

}
