package org.iopscheduler.browser;

import java.time.DayOfWeek;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.people.Account;

import static org.assertj.core.api.Assertions.assertThat;

class CoordinatorBrowserTest extends BrowserTestBase {

	@Test
	void aCoordinatorBuildsAProgramAndEnrolsAParticipant() {
		Account coordinator = fixtures.coordinator("Sam Okafor");
		Account counselor = fixtures.counselor("Dana Whitfield");
		Account participant = fixtures.participant("Riley Morgan");
		signIn(coordinator.getUsername());
		assertThat(browser.getCurrentUrl()).endsWith("/programs");

		type("name", "Evening Adult IOP");
		submit(browser.findElement(By.cssSelector("form[action$='/programs'] button[type=submit]")));
		assertThat(text("h1")).startsWith("Evening Adult IOP: week 2026-W45");

		addBlock("Process group", "MONDAY", "18:00", "180", counselor, "Room 2");
		addBlock("Process group", "WEDNESDAY", "18:00", "180", counselor, "Room 2");
		addBlock("Relapse prevention", "THURSDAY", "18:00", "180", counselor, "Room 4");

		List<WebElement> tiles = browser.findElements(By.cssSelector(".week-grid .tile"));
		assertThat(tiles).hasSize(3);
		assertThat(tiles.get(0).getText()).contains("GROUP", "Process group", "18:00–21:00 EST", "Dana Whitfield",
				"Room 2");
		screenshot("coordinator-calendar");

		browser.findElement(By.linkText("Enrol")).click();
		choose("participantId", "Riley Morgan");
		browser.findElement(By.xpath("//label[.//strong[text()='Process group']][1]")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-summary"), "3 h of 9 h"));
		assertThat(text("#plan-summary")).contains("Enrolling would be refused",
				"the plan gives 180 minutes a week, below the program's minimum of 540 minutes", "6 h more needed");
		screenshot("coordinator-enrol-refused");

		for (WebElement box : browser.findElements(By.cssSelector("input[name=blockIds]:not(:checked)"))) {
			box.click();
		}
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-summary"), "9 h of 9 h"));
		assertThat(text("#plan-summary")).contains("The plan reaches the program's minimum.");
		submit(browser.findElement(By.cssSelector("#enrol-form button[type=submit]")));

		assertThat(browser.getCurrentUrl()).endsWith("/participants/" + participant.getId());
		assertThat(pageText()).contains("Riley Morgan", "Enrolled in Evening Adult IOP", "Planned 9 h a week");
		screenshot("coordinator-participant");
	}

	private void addBlock(String title, String day, String start, String minutes, Account counselor,
			String location) {
		browser.findElement(By.linkText("Add a block")).click();
		type("title", title);
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("dayOfWeek"))).selectByValue(day);
		pick("startTime", start);
		type("durationMinutes", minutes);
		new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("counselorId")))
			.selectByValue(String.valueOf(counselor.getId()));
		type("location", location);
		pick("startsOn", "2026-11-02");
		submit(browser.findElement(By.cssSelector("form button[type=submit]:not(.outline)")));
		assertThat(pageText()).contains(title + " saved.");
	}

}
