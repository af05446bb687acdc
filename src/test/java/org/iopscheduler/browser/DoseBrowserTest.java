package org.iopscheduler.browser;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.iopscheduler.browser.PageFixtures.Clinic;
import org.iopscheduler.people.Account;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DoseBrowserTest extends BrowserTestBase {

	private Clinic clinic;

	@Test
	void theDashboardShowsEveryParticipantsWeekWithStatusesInWords() {
		Clinic clinic = clinicWithAttendance();
		signIn(fixtures.coordinator("Sam Okafor").getUsername());

		open("/programs/" + clinic.program().getId() + "/dose?week=2026-W44");

		assertThat(rows()).hasSize(8);
		assertThat(row("Blake Romero"))
			.isEqualTo(List.of("Blake Romero", "9 h", "0 min", "0%", "0", "✗ Under-dosed", "2", "Schedule a make-up"));
		assertThat(row("Casey Holt"))
			.isEqualTo(List.of("Casey Holt", "9 h", "6 h", "67%", "0", "✗ Under-dosed", "1", "Schedule a make-up"));
		assertThat(row("Avery Chen")).isEqualTo(List.of("Avery Chen", "9 h", "9 h", "100%", "0", "✓ Met", "0", ""));
		assertThat(row("Emery Walsh").get(5)).isEqualTo("◐ Partial week");
		assertThat(text(".summary")).contains("2 Under-dosed", "5 Met", "1 Partial week");
		screenshot("dose-dashboard");
	}

	@Test
	void theAttentionFilterKeepsOnlyUnderDosedAndAtRiskParticipants() {
		Clinic clinic = clinicWithAttendance();
		signIn(fixtures.counselor("Kim Counselor").getUsername());
		open("/programs/" + clinic.program().getId() + "/dose");
		assertThat(text("h1 + p")).startsWith("2 Nov - 8 Nov");

		submit(browser.findElement(By.linkText("Under-dosed and at risk")));

		assertThat(rows()).extracting(r -> r.get(0))
			.containsExactly("Blake Romero", "Casey Holt", "Finley Brooks", "Gray Sullivan");
		assertThat(row("Gray Sullivan")).containsSubsequence("3 h", "1", "! At risk");
		screenshot("dose-dashboard-attention");

		submit(browser.findElement(By.linkText("← Previous week")));
		submit(browser.findElement(By.linkText("Under-dosed and at risk")));
		assertThat(rows()).extracting(r -> r.get(0)).containsExactly("Blake Romero", "Casey Holt");
	}

	@Test
	void theCsvForBillingIsServedToTheSignedInCoordinator() {
		Clinic clinic = clinicWithAttendance();
		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		open("/programs/" + clinic.program().getId() + "/dose?week=2026-W44");

		String href = browser.findElement(By.linkText("Download CSV for billing")).getDomAttribute("href");
		HttpResponse<String> csv = asThisBrowser("GET", href);

		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(csv.body()).startsWith("participant_id,participant,date,start_time")
			.contains("Blake Romero,2026-10-26,18:00", "ABSENT,UNDER_DOSED");
	}

	@Test
	void aParticipantsPageChartsAttendedMinutesAgainstTheMinimum() {
		Clinic clinic = clinicWithAttendance();
		Account casey = clinic.participant("Casey Holt");
		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		open("/programs/" + clinic.program().getId() + "/dose?week=2026-W44");

		submit(browser.findElement(By.linkText("Casey Holt")));

		assertThat(browser.getCurrentUrl()).endsWith("/participants/" + casey.getId());
		WebElement chart = browser.findElement(By.cssSelector("svg.chart"));
		assertThat(chart.findElements(By.cssSelector("rect.bar"))).hasSize(12);
		assertThat(chart.findElements(By.cssSelector("rect.bar title"))
			.stream()
			.map(title -> title.getDomProperty("textContent"))
			.toList()).contains("26 Oct - 1 Nov: 6 h attended of 9 h (Under-dosed)",
					"19 Oct - 25 Oct: 9 h attended of 9 h (Met)");
		assertThat(chart.findElement(By.cssSelector(".minimum-label")).getText()).isEqualTo("Minimum 9 h");
		assertThat(text("table.history")).contains("Wed 4 Nov · 18:00–21:00 EST", "Late", "2 h");
		assertThat(pageText()).contains("Weekend skills group", "Saturday 10:00–13:00");
		screenshot("participant-for-staff");
	}

	/**
	 * One clinic for the class: its four weeks of attendance take a few seconds to
	 * record.
	 */
	@BeforeAll
	void recordAWeekOfAttendance() {
		clinic = fixtures.clinic("Evening Adult IOP");
		fixtures.attendanceOf(clinic);
	}

	private Clinic clinicWithAttendance() {
		return clinic;
	}

	private List<List<String>> rows() {
		return browser.findElements(By.cssSelector("table.dose tbody tr"))
			.stream()
			.map(tr -> tr.findElements(By.cssSelector("th, td"))
				.stream()
				.map(cell -> cell.getText().replaceAll("\\s+", " ").strip())
				.toList())
			.toList();
	}

	private List<String> row(String name) {
		return rows().stream().filter(r -> r.get(0).equals(name)).findFirst().orElseThrow();
	}

}
