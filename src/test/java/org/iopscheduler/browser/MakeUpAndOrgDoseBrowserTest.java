package org.iopscheduler.browser;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.iopscheduler.browser.PageFixtures.Clinic;
import org.iopscheduler.calendar.DatedSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator schedules make-ups (from a missed session, from an at-risk row of the
 * dose dashboard) at one of the counselor's free times, and reads the organisation's week
 * program by program.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MakeUpAndOrgDoseBrowserTest extends BrowserTestBase {

	private Clinic clinic;

	@BeforeAll
	void aClinicWithAWeekOfAttendance() {
		clinic = fixtures.clinic("Make-up Clinic IOP");
		fixtures.attendanceOf(clinic);
	}

	@Test
	void aMakeUpIsScheduledFromAMissedSessionAtOneOfTheCounselorsFreeTimes() {
		DatedSession monday = fixtures.session(clinic.program(), clinic.monday(), PageFixtures.MONDAY);
		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		open("/sessions/" + monday.getId());

		click(browser.findElement(By.cssSelector("a[aria-label='Schedule a make-up for Blake Romero']")));
		assertThat(browser.findElement(By.cssSelector("input[name=participantIds][type=checkbox]:checked"))
			.getDomAttribute("id")).isEqualTo("participant-" + clinic.participant("Blake Romero").getId());
		pick("day-date", "2026-11-06");
		submit(browser.findElement(By.cssSelector("form.make-up-day button[type=submit]")));

		assertThat(text("article.form-card:nth-of-type(2) h2"))
			.isEqualTo("Free times of Dana Whitfield on Friday 6 November 2026");
		click(browser.findElement(By.cssSelector("label[for='start-10:00']")));
		screenshot("make-up-free-times");
		submit(browser.findElement(By.xpath("//button[text()='Schedule the make-up']")));

		assertThat(text(".notice")).isEqualTo("The make-up session is scheduled.");
		assertThat(pageText()).contains("Make-up: Process group", "Friday 6 November 2026", "10:00–13:00",
				"Blake Romero");
	}

	@Test
	void aMakeUpIsScheduledFromAnAtRiskRowOfTheDoseDashboard() {
		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		open("/programs/" + clinic.program().getId() + "/dose");

		WebElement row = browser.findElement(By.xpath("//tr[th/a[text()='Gray Sullivan']]"));
		assertThat(row.getDomAttribute("data-status")).isEqualTo("AT_RISK");
		click(row.findElement(By.linkText("Schedule a make-up")));
		assertThat(text("h1")).isEqualTo("Make-up for Gray Sullivan");
		assertThat(text("hgroup p")).isEqualTo("2 Nov - 8 Nov");
		click(browser.findElement(By.linkText("Make up Process group")));

		pick("day-date", "2026-11-07");
		submit(browser.findElement(By.cssSelector("form.make-up-day button[type=submit]")));
		click(browser.findElement(By.cssSelector("label[for='start-14:00']")));
		submit(browser.findElement(By.xpath("//button[text()='Schedule the make-up']")));

		assertThat(text(".notice")).isEqualTo("The make-up session is scheduled.");
		assertThat(pageText()).contains("Saturday 7 November 2026", "14:00–17:00", "Gray Sullivan");
	}

	@Test
	void theOrganisationDashboardDrillsDownToAProgramsStatusAndOffersItsCsv() {
		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		open("/");
		click(browser.findElement(By.linkText("Dose")));
		assertThat(browser.getCurrentUrl()).contains("/dosage");
		open("/dosage?week=2026-W44");
		assertThat(text("hgroup p")).isEqualTo("26 Oct - 1 Nov");
		screenshot("organisation-dashboard");

		WebElement csv = browser.findElement(By.linkText("Download CSV of every participant"));
		HttpResponse<String> download = asThisBrowser("GET", csv.getDomAttribute("href"));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).startsWith("program_id,participant_id");

		WebElement line = browser.findElement(By.xpath("//tr[th/a[text()='Make-up Clinic IOP']]"));
		click(line.findElement(By.cssSelector("td[data-status=UNDER_DOSED] a")));

		assertThat(browser.getCurrentUrl()).contains("/programs/" + clinic.program().getId() + "/dose", "week=2026-W44",
				"status=UNDER_DOSED");
		assertThat(browser.findElements(By.cssSelector("table.dose tbody tr"))
			.stream()
			.map(tr -> tr.findElement(By.cssSelector("th")).getText())).containsExactly("Blake Romero", "Casey Holt");
	}

}
