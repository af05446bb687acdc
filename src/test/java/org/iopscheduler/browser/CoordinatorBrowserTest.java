package org.iopscheduler.browser;

import java.time.DayOfWeek;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.iopscheduler.browser.PageFixtures.Clinic;
import org.iopscheduler.people.Account;
import org.iopscheduler.program.Program;

import static org.assertj.core.api.Assertions.assertThat;

class CoordinatorBrowserTest extends BrowserTestBase {

	@Test
	void aCoordinatorBuildsAProgramAndEnrolsAParticipant() {
		Account coordinator = fixtures.coordinator("Sam Okafor");
		signIn(coordinator.getUsername());
		assertThat(browser.getCurrentUrl()).endsWith("/programs");

		submit(browser.findElement(By.linkText("People")));
		type("staff-fullName", "Jordan Ellis");
		type("staff-username", PageFixtures.unique("jordan"));
		type("staff-password", PageFixtures.PASSWORD);
		submit(browser.findElement(By.cssSelector("form[action$='/people/staff'] button")));
		assertThat(text(".notice")).isEqualTo("Jordan Ellis saved.");
		type("participant-fullName", "Riley Morgan");
		pick("participant-dateOfBirth", "1991-03-08");
		type("participant-username", PageFixtures.unique("riley"));
		type("participant-password", PageFixtures.PASSWORD);
		submit(browser.findElement(By.cssSelector("form[action$='/people/participants'] button")));
		assertThat(text(".notice")).isEqualTo("Riley Morgan saved.");
		String participantPage = browser.findElement(By.linkText("Riley Morgan")).getDomAttribute("href");
		screenshot("coordinator-people");

		submit(browser.findElement(By.linkText("Programs")));

		type("name", "Evening Adult IOP");
		submit(browser.findElement(By.cssSelector("form[action$='/programs'] button[type=submit]")));
		assertThat(text("h1")).startsWith("Evening Adult IOP: 2 Nov - 8 Nov");

		addBlock("GROUP", "Process group", "MONDAY", "18:00", "180", "Room 2");
		addBlock("GROUP", "Process group", "WEDNESDAY", "18:00", "180", "Room 2");
		addBlock("PSYCHOEDUCATION", "Relapse prevention", "THURSDAY", "18:00", "180", "Room 4");

		List<WebElement> tiles = browser.findElements(By.cssSelector(".week-grid .tile"));
		assertThat(tiles).hasSize(3);
		assertThat(tiles.get(0).getText()).contains("GROUP", "Process group", "18:00–21:00 EST", "Jordan Ellis",
				"Room 2");
		assertThat(tiles.get(2).getText()).contains("PSYCHOEDUCATION", "Relapse prevention", "Room 4");
		screenshot("coordinator-calendar");

		submit(browser.findElement(By.linkText("Enrol")));
		// the picker searches as the coordinator types
		type("participant-search", "rile");
		awaitUpdate("participant-matches", "Riley Morgan");
		click(browser.findElement(By.xpath("//label[.//strong[text()='Riley Morgan']]")));
		click(browser.findElement(By.xpath("//label[.//strong[text()='Process group']][1]")));
		awaitUpdate("plan-summary", "3 h of 9 h");
		assertThat(text("#plan-summary")).contains("Enrolling would be refused",
				"The plan gives 3 h a week, below the program's minimum of 9 h.", "6 h more needed");
		screenshot("coordinator-enrol-refused");

		for (WebElement box : browser.findElements(By.cssSelector("input[name=blockIds]:not(:checked)"))) {
			click(box);
		}
		awaitUpdate("plan-summary", "9 h of 9 h");
		assertThat(text("#plan-summary")).contains("The plan reaches the program's minimum.");
		submit(browser.findElement(By.cssSelector("#enrol-form button[type=submit]")));

		assertThat(browser.getCurrentUrl()).endsWith(participantPage);
		assertThat(pageText()).contains("Riley Morgan", "Enrolled in Evening Adult IOP", "Planned 9 h a week");
		screenshot("coordinator-participant");
	}

	@Test
	void theCalendarDrawsEachSessionWithItsTypeCounselorAndRoom() {
		Clinic clinic = fixtures.clinic("Evening Adult IOP");
		signIn(fixtures.coordinator("Sam Okafor").getUsername());

		open("/programs/" + clinic.program().getId() + "/calendar?week=2026-W45");

		List<WebElement> tuesday = day(DayOfWeek.TUESDAY).findElements(By.cssSelector(".tile"));
		assertThat(day(DayOfWeek.TUESDAY).getDomAttribute("aria-label")).isEqualTo("Tue 3 Nov");
		assertThat(tuesday).extracting(t -> t.getDomProperty("textContent").replaceAll("\\s+", " ").strip())
			.containsExactly("Individual Individual counseling 17:00–17:50 EST Marcus Reyes Office 3 0 enrolled",
					"Individual Individual counseling 17:00–17:50 EST Priya Shah Office 5 0 enrolled",
					"Family Family session 18:30–20:00 EST Marcus Reyes Video 0 enrolled");
		// two sessions at the same time sit side by side; one with nobody beside it takes
		// the whole day
		assertThat(tuesday.get(0).getRect().getX()).isLessThan(tuesday.get(1).getRect().getX());
		assertThat(tuesday.get(0).getRect().getY()).isEqualTo(tuesday.get(1).getRect().getY());
		assertThat(tuesday.get(2).getRect().getWidth()).isGreaterThan(tuesday.get(0).getRect().getWidth() * 3 / 2);
		assertThat(day(DayOfWeek.MONDAY).findElement(By.cssSelector(".tile")).getText()).contains("GROUP",
				"Process group", "18:00–21:00 EST", "Dana Whitfield", "Room 2", "8 enrolled");
		screenshot("calendar");
	}

	@Test
	void aCancelledSessionStaysOnTheCalendarLabelledCancelled() {
		Clinic clinic = fixtures.clinic("Evening Adult IOP");
		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		open("/programs/" + clinic.program().getId() + "/calendar?week=2026-W45");

		click(browser.findElement(By.xpath("//a[contains(@class,'tile')][.//strong[text()='Relapse prevention']]")));
		submit(browser.findElement(By.cssSelector("form[action$='/cancel/check'] button")));
		assertThat(text("#reason-error")).isEqualTo("This field is required.");
		type("reason", "Counselor out sick");
		submit(browser.findElement(By.cssSelector("form[action$='/cancel/check'] button")));
		submit(browser.findElement(By.cssSelector("form[action$='/cancel'] button[type=submit]")));

		assertThat(pageText()).contains("The session is cancelled.", "Cancelled: Counselor out sick");
		submit(browser.findElement(By.linkText("Back to the calendar")));
		WebElement tile = browser.findElement(By.cssSelector(".tile.cancelled"));
		assertThat(tile.getText()).contains("CANCELLED", "Relapse prevention", "18:00–20:00 EST");
		screenshot("calendar-cancelled");
	}

	@Test
	void theBlockFormShowsEachRefusalNextToTheFieldItConcerns() {
		Clinic clinic = fixtures.clinic("Evening Adult IOP");
		Program other = fixtures.program("Morning IOP");
		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		open("/programs/" + other.getId() + "/blocks/new");

		type("title", "Early group");
		type("durationMinutes", "0");
		pick("startTime", "19:00");
		new Select(browser.findElement(By.id("counselorId"))).selectByValue(String.valueOf(clinic.lead().getId()));
		type("location", "Room 1");
		submit(browser.findElement(By.cssSelector("form button[type=submit]:not(.outline)")));
		assertThat(text("#durationMinutes-error")).isEqualTo("At least 1.");
		assertThat(browser.findElement(By.id("durationMinutes")).getDomAttribute("aria-invalid")).isEqualTo("true");

		type("durationMinutes", "90");
		submit(browser.findElement(By.cssSelector("form button[type=submit]:not(.outline)")));

		// Dana already leads the Monday 18:00-21:00 group in the evening program
		assertThat(text("#counselorId-error")).contains("already leads", "on Mondays 18:00-21:00 (New York time)")
			.doesNotContain("block ", "MONDAY");
		assertThat(browser.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Early group");
		open("/programs/" + other.getId() + "/calendar");
		assertThat(browser.findElements(By.cssSelector(".tile"))).isEmpty();
	}

	@Test
	void aBlockChangedFromADateMovesLaterWeeksAndLeavesEarlierOnesAsTheyWere() {
		Clinic clinic = fixtures.clinic("Evening Adult IOP");
		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		open("/blocks/" + clinic.wednesday().getId() + "/edit");

		pick("effectiveFrom", "2026-11-09");
		pick("startTime", "17:30");
		submit(browser.findElement(By.cssSelector("form button[type=submit]:not(.outline)")));

		assertThat(text("h1")).startsWith("Evening Adult IOP: 9 Nov - 15 Nov");
		assertThat(day(DayOfWeek.WEDNESDAY).findElement(By.cssSelector(".tile")).getText()).contains("17:30–20:30 EST");
		submit(browser.findElement(By.linkText("← Previous week")));
		assertThat(text("h1")).startsWith("Evening Adult IOP: 2 Nov - 8 Nov");
		assertThat(day(DayOfWeek.WEDNESDAY).findElement(By.cssSelector(".tile")).getText()).contains("18:00–21:00 EST");
	}

	/** The grid's column for a day of the shown week. */
	private WebElement day(DayOfWeek day) {
		return browser.findElements(By.cssSelector(".week-grid .day")).get(day.getValue() - 1);
	}

	private void addBlock(String type, String title, String day, String start, String minutes, String location) {
		submit(browser.findElement(By.linkText("Add a block")));
		new Select(browser.findElement(By.id("type"))).selectByValue(type);
		type("title", title);
		new Select(browser.findElement(By.id("dayOfWeek"))).selectByValue(day);
		pick("startTime", start);
		type("durationMinutes", minutes);
		new Select(browser.findElement(By.id("counselorId"))).selectByVisibleText("Jordan Ellis (Counselor)");
		type("location", location);
		pick("startsOn", "2026-11-02");
		submit(browser.findElement(By.cssSelector("form button[type=submit]:not(.outline)")));
		assertThat(pageText()).contains(title + " saved.");
	}

}
