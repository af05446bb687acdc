package org.iopscheduler.browser;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.iopscheduler.people.Account;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator finds a participant on the people page, then reads in the audit log who
 * opened that participant's records, and exports those lines.
 */
class AuditAndPeopleBrowserTest extends BrowserTestBase {

	@Test
	void aCoordinatorFiltersTheAuditLogByParticipantAndExportsIt() {
		Account rowan = fixtures.participant("Rowan Ashdown");
		Account other = fixtures.participant("Sasha Elmwood");
		Account reader = fixtures.coordinator("Priya Reader");
		signIn(reader.getUsername());
		open("/participants/" + rowan.getId());
		open("/participants/" + other.getId());
		signOut();

		signIn(fixtures.coordinator("Sam Auditor").getUsername());
		open("/audit");
		browser.findElement(By.id("audit-participant")).sendKeys(rowan.getUsername());
		submit(browser.findElement(By.cssSelector("form.audit-filter button[type=submit]")));

		List<List<String>> rows = rows();
		assertThat(rows).isNotEmpty()
			.allSatisfy(row -> assertThat(row.get(3)).isEqualTo("Rowan Ashdown"))
			.anySatisfy(row -> assertThat(row.subList(1, 3)).containsExactly("Priya Reader Coordinator",
					"Read participant details"));
		screenshot("audit-log");

		String href = browser.findElement(By.id("audit-csv")).getDomAttribute("href");
		HttpResponse<String> csv = asThisBrowser("GET", href);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("at,staff,staff_username,staff_role,action,participant")
			.contains("Priya Reader," + reader.getUsername() + ",COORDINATOR,READ_PARTICIPANT,Rowan Ashdown")
			.doesNotContain("Sasha Elmwood");
	}

	@Test
	void aCoordinatorFindsAParticipantByTheStartOfTheirLastName() {
		fixtures.participant("Tamsin Greyfell");
		fixtures.participant("Uma Greyling");
		fixtures.participant("Victor Holm");
		signIn(fixtures.coordinator("Sam Finder").getUsername());
		open("/people");

		browser.findElement(By.id("people-q")).sendKeys("GREYF");
		submit(browser.findElement(By.cssSelector("form.people-search button[type=submit]")));

		assertThat(browser.findElements(By.cssSelector(".people-list li > a:first-child"))
			.stream()
			.map(WebElement::getText)).containsExactly("Tamsin Greyfell");
		assertThat(browser.findElement(By.tagName("h2")).getText()).isNotEmpty();
		screenshot("people-search");
	}

	@Test
	void aCoordinatorFindsTheParticipantsEnrolledTodayWhoseNameStartsWithWhatTheyType() {
		PageFixtures.Evening evening = fixtures.evening("Filter Evening", fixtures.counselor("Filter Counselor"));
		Account enrolled = fixtures.participant("Ottoline Quarrie");
		fixtures.participant("Ottoline Quarrington");
		fixtures.enrol(evening.program(), enrolled, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		signIn(fixtures.coordinator("Sam Filterer").getUsername());
		open("/people");

		type("people-q", "ottol");
		choose("people-status", "Enrolled today");
		submit(browser.findElement(By.cssSelector("form.people-search button[type=submit]")));

		assertThat(browser.findElements(By.cssSelector(".people-list li > a:first-child"))
			.stream()
			.map(WebElement::getText)).containsExactly("Ottoline Quarrie");
		assertThat(browser.findElement(By.id("people-count")).getText()).isEqualTo("1 participant matches.");
		assertThat(browser.getCurrentUrl()).contains("q=ottol").contains("status=ENROLLED");
		screenshot("people-filters");
	}

	@Test
	void aCoordinatorFiltersTheAuditLogByAStaffMembersNameChoosingAmongThoseWhoMatch() {
		Account thornby = fixtures.coordinator("Lysander Thornby");
		Account thorncastle = fixtures.coordinator("Lysander Thorncastle");
		Account read = fixtures.participant("Read Participant");
		signIn(thornby.getUsername());
		open("/participants/" + read.getId());
		signOut();
		signIn(thorncastle.getUsername());
		open("/participants/" + read.getId());
		signOut();

		signIn(fixtures.coordinator("Sam Names").getUsername());
		open("/audit");
		type("audit-staff", "Lysander Thorn");
		// the field suggests both as the coordinator types
		wait.until(d -> d.findElements(By.cssSelector("#audit-staff-options option")).size() == 2);
		submit(browser.findElement(By.cssSelector("form.audit-filter button[type=submit]")));
		assertThat(browser.findElement(By.id("audit-staff-choices")).getText()).contains("Several staff members match");

		// a link: submit() clicks it and waits for the page it leads to
		submit(browser.findElement(By.linkText("Lysander Thornby")));
		assertThat(browser.findElement(By.id("audit-summary")).getText())
			.isEqualTo("Read or changed by Lysander Thornby (" + thornby.getUsername() + ").");
		assertThat(rows()).isNotEmpty().allSatisfy(row -> assertThat(row.get(1)).startsWith("Lysander Thornby"));
		assertThat(browser.findElement(By.id("audit-staff")).getDomProperty("value")).isEqualTo("Lysander Thornby");
		screenshot("audit-log-by-staff-name");
	}

	@Test
	void aCounselorIsRefusedTheAuditLogAndAnUnknownPageIsTheStyledNotFoundPage() {
		signIn(fixtures.counselor("Kim Curious").getUsername());
		open("/audit");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not allowed");

		// the forbidden page is the servlet container's error page, without the menu
		open("/sessions");
		signOut();
		signIn(fixtures.coordinator("Sam Lost").getUsername());
		open("/no-such-page");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
		assertThat(browser.findElement(By.cssSelector("link[rel=icon]")).getDomAttribute("href"))
			.isEqualTo("/favicon.svg");
	}

	private List<List<String>> rows() {
		return browser.findElements(By.cssSelector("table.audit-lines tbody tr"))
			.stream()
			.map(tr -> tr.findElements(By.tagName("td"))
				.stream()
				.map(td -> td.getText().replaceAll("\\s+", " ").strip())
				.toList())
			.toList();
	}

}
