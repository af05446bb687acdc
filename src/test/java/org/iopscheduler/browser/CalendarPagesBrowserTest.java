package org.iopscheduler.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.BlockChange;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.people.Account;
import org.iopscheduler.system.PageFormat;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A coordinator's calendar tasks in Chromium (issue 12): a holiday closure, a cancelled
 * session and its reinstatement, a block's scheduled change and the warning of what a new
 * one replaces, and the calendar on a phone.
 */
class CalendarPagesBrowserTest extends BrowserTestBase {

	/** Thursday of the week after the still clock's. */
	static final LocalDate THURSDAY = PageFixtures.MONDAY.plusWeeks(1).plusDays(3);

	@Autowired
	Blocks blocks;

	Account coordinator;

	Evening evening;

	private void anEveningProgramWithAlex(String name) {
		coordinator = fixtures.coordinator("Sam Okafor");
		evening = fixtures.evening(name, fixtures.counselor("Dana Whitfield"));
		Account alex = fixtures.participant("Alex Morgan");
		fixtures.enrol(evening.program(), alex, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		signIn(coordinator.getUsername());
	}

	private String calendar() {
		return "/programs/" + evening.program().getId() + "/calendar?week=2026-W46";
	}

	@Test
	void aCoordinatorClosesThanksgivingSeesItMarkedAndUndoesIt() {
		anEveningProgramWithAlex("Holiday IOP");
		open(calendar());
		String day = PageFormat.day(THURSDAY);

		click(browser.findElement(By.cssSelector(".week-grid a[aria-label='Close " + day + "']")));
		type("reason", "Thanksgiving");
		submit(browser.findElement(By.cssSelector("form[action$='/closures'] button[type=submit]")));

		assertThat(text(".notice")).contains("Closed " + day);
		WebElement head = browser.findElement(By.cssSelector(".week-grid .day-head.closed"));
		assertThat(head.getText()).contains(day, "Closed: Thanksgiving");
		assertThat(browser.findElements(By.cssSelector(".week-grid .tile.cancelled"))).hasSize(1);
		screenshot("calendar-closure");

		submit(head.findElement(By.cssSelector("button")));

		assertThat(text(".notice")).contains("The closure is undone");
		assertThat(browser.findElements(By.cssSelector(".week-grid .day-head.closed"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector(".week-grid .tile.cancelled"))).isEmpty();
	}

	@Test
	void aCoordinatorCancelsASessionAfterSeeingWhoLosesMinutesAndReinstatesIt() {
		anEveningProgramWithAlex("Cancel IOP");
		open(calendar());
		List<WebElement> tiles = browser.findElements(By.cssSelector(".week-grid .tile"));
		click(tiles.get(2));

		type("reason", "Counselor ill");
		submit(browser.findElement(By.cssSelector("form[action$='/cancel/check'] button")));

		assertThat(text("h1")).isEqualTo("Cancel Relapse prevention?");
		WebElement row = browser.findElement(By.cssSelector("table.losses tbody tr"));
		assertThat(row.getText()).contains("Alex Morgan", "9 h → 6 h", "On track", "becomes", "At risk");
		screenshot("calendar-cancel-confirm");
		submit(browser.findElement(By.cssSelector("form[action$='/cancel'] button[type=submit]")));

		assertThat(text(".notice")).isEqualTo("The session is cancelled.");
		assertThat(pageText()).contains("Cancelled: Counselor ill");
		submit(browser.findElement(By.cssSelector("form[action$='/reinstate'] button")));

		assertThat(text(".notice")).isEqualTo("The session is scheduled again.");
		assertThat(pageText()).contains("Scheduled", "Alex Morgan");
	}

	@Test
	void aCoordinatorSeesAScheduledChangeAndIsWarnedWhatANewChangeReplaces() {
		anEveningProgramWithAlex("Changing IOP");
		LocalDate scheduled = PageFixtures.MONDAY.plusWeeks(3);
		blocks.change(evening.monday().getId(),
				new BlockChange(scheduled, null, LocalTime.of(17, 30), null, null, null, null, null, null));
		open(calendar());
		String line = "From " + PageFormat.day(scheduled) + ": Monday 17:30–20:30";
		assertThat(text("table.blocks")).contains(line);

		open("/blocks/" + evening.monday().getId() + "/edit");
		LocalDate earlier = PageFixtures.MONDAY.plusWeeks(2);
		pick("effectiveFrom", earlier.toString());

		awaitUpdate("replaces", "Saving from " + PageFormat.day(earlier));
		assertThat(text("#replaces")).contains("Saving from " + PageFormat.day(earlier) + " replaces", line);
		screenshot("calendar-block-replaces");
		pick("effectiveFrom", PageFixtures.MONDAY.plusWeeks(4).toString());
		awaitUpdate("replaces", "replaces no scheduled change");
	}

	@Test
	void aShortSessionShowsAllOfItsTextAndAPhoneGetsADayList() {
		anEveningProgramWithAlex("Short IOP");
		fixtures.block(evening.program(), BlockType.INDIVIDUAL, "Check-in", DayOfWeek.TUESDAY, "17:00", 15,
				evening.counselor(), "Room 5");
		open(calendar());

		WebElement shortTile = browser
			.findElement(By.xpath("//div[contains(@class,'week-grid')]//a[.//strong[text()='Check-in']]"));
		Number hidden = (Number) ((JavascriptExecutor) browser)
			.executeScript("return arguments[0].scrollHeight - arguments[0].clientHeight;", shortTile);
		assertThat(hidden.intValue()).as("pixels of text cut off").isLessThanOrEqualTo(1);
		assertThat(text(".week-grid .hours")).contains("17:00", "20:00");

		browser.manage().window().setSize(PHONE);
		open(calendar());
		assertThat(browser.findElement(By.cssSelector(".week-scroll")).isDisplayed()).isFalse();
		assertThat(text(".day-list")).contains(PageFormat.day(THURSDAY), "Relapse prevention", "18:00–21:00");
		Number overhang = (Number) ((JavascriptExecutor) browser)
			.executeScript("return document.querySelector('.day-list').getBoundingClientRect().right"
					+ " - document.documentElement.clientWidth;");
		assertThat(overhang.intValue()).as("the day list fits the phone's width").isLessThanOrEqualTo(0);
		screenshot("calendar-phone");
		checkFitsPhone();
	}

}
