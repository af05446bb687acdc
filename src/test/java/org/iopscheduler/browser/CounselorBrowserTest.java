package org.iopscheduler.browser;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.people.Account;

import static org.assertj.core.api.Assertions.assertThat;

class CounselorBrowserTest extends BrowserTestBase {

	@Test
	void aCounselorMarksTheWholeSheetInOneGoOnAPhoneSizedScreen() {
		Account counselor = fixtures.counselor("Priya Natarajan");
		Evening evening = fixtures.evening("Evening IOP", counselor);
		Account avery = fixtures.participant("Avery Chen");
		Account blake = fixtures.participant("Blake Romero");
		Account casey = fixtures.participant("Casey Holt");
		for (Account participant : List.of(avery, blake, casey)) {
			fixtures.enrol(evening.program(), participant, PageFixtures.MONDAY.minusWeeks(3), evening.blockIds());
		}
		DatedSession today = fixtures.session(evening.program(), evening.wednesday(), PageFixtures.MONDAY.plusDays(2));

		browser.manage().window().setSize(PHONE);
		signIn(counselor.getUsername());
		assertThat(browser.getCurrentUrl()).endsWith("/sessions");
		WebElement todayList = browser.findElement(By.cssSelector(".session-list"));
		assertThat(todayList.getText()).contains("Process group", "Wed 4 Nov · 18:00–21:00 EST", "0 of 3 marked");
		screenshot("counselor-sessions");

		submit(todayList.findElement(By.linkText("Open sheet")));
		assertThat(text("h1")).isEqualTo("Attendance: Process group");
		tap(avery, "PRESENT");
		tap(blake, "ABSENT");
		tap(casey, "LATE");
		type("p" + casey.getId() + "-minutes", "150");
		assertThat(horizontalOverflow()).as("the sheet fits 375 px without sideways scrolling").isFalse();
		screenshot("counselor-sheet");
		submit(browser.findElement(By.cssSelector(".sheet-actions button")));

		assertThat(text(".notice")).isEqualTo("Attendance saved (3 changed).");
		assertThat(fixtures.markOf(today, avery)).isEqualTo(AttendanceStatus.PRESENT);
		assertThat(fixtures.markOf(today, blake)).isEqualTo(AttendanceStatus.ABSENT);
		assertThat(fixtures.markOf(today, casey)).isEqualTo(AttendanceStatus.LATE);
		assertThat(fixtures.minutesOf(today, casey)).isEqualTo(150);
		assertThat(browser.findElement(By.id("p" + blake.getId() + "-ABSENT")).isSelected()).isTrue();
	}

	@Test
	void aLateMarkWithoutMinutesRefusesTheWholeSheetAndSavesNothing() {
		Account counselor = fixtures.counselor("Marcus Bell");
		Evening evening = fixtures.evening("Evening IOP", counselor);
		Account dana = fixtures.participant("Dana Ortiz");
		Account eli = fixtures.participant("Eli Brooks");
		fixtures.enrol(evening.program(), dana, PageFixtures.MONDAY.minusWeeks(1), evening.blockIds());
		fixtures.enrol(evening.program(), eli, PageFixtures.MONDAY.minusWeeks(1), evening.blockIds());
		DatedSession monday = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY);

		browser.manage().window().setSize(PHONE);
		signIn(counselor.getUsername());
		open("/sessions/" + monday.getId() + "/attendance");
		tap(dana, "PRESENT");
		tap(eli, "LEFT_EARLY");
		submit(browser.findElement(By.cssSelector(".sheet-actions button")));

		assertThat(text("#p" + eli.getId() + "-minutes-help"))
			.isEqualTo("Enter the minutes attended: more than 0 and less than 180.");
		assertThat(fixtures.markOf(monday, dana)).as("nothing of a refused sheet is saved").isNull();
		assertThat(fixtures.markOf(monday, eli)).isNull();
	}

	@Test
	void aCounselorCannotOpenTheSheetOfASessionSomeoneElseLeads() {
		Account mine = fixtures.counselor("Jo Lindqvist");
		Account theirs = fixtures.counselor("Ravi Shah");
		Evening evening = fixtures.evening("Evening IOP", theirs);
		DatedSession monday = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY);

		signIn(mine.getUsername());
		open("/sessions/" + monday.getId() + "/attendance");

		assertThat(text("h1")).isEqualTo("Not allowed");
		assertThat(browser.findElements(By.cssSelector("input[type=radio]"))).isEmpty();
	}

	@Test
	void aSessionThatHasNotStartedCannotBeMarkedYet() {
		Account counselor = fixtures.counselor("Noor Haddad");
		Evening evening = fixtures.evening("Evening IOP", counselor);
		fixtures.enrol(evening.program(), fixtures.participant("Frankie Lowe"), PageFixtures.MONDAY,
				evening.blockIds());
		DatedSession thursday = fixtures.session(evening.program(), evening.thursday(),
				PageFixtures.MONDAY.plusDays(3));

		signIn(counselor.getUsername());
		open("/sessions/" + thursday.getId() + "/attendance");

		assertThat(text(".form-error")).contains("has not started yet");
		assertThat(browser.findElement(By.cssSelector(".sheet-actions button")).isEnabled()).isFalse();
	}

	@Test
	void theSheetCanBeFilledAndSavedWithTheKeyboardAlone() {
		Account counselor = fixtures.counselor("Olu Adebayo");
		Evening evening = fixtures.evening("Evening IOP", counselor);
		Account gale = fixtures.participant("Gale Whitmore");
		fixtures.enrol(evening.program(), gale, PageFixtures.MONDAY.minusWeeks(1), evening.blockIds());
		DatedSession monday = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY);
		signIn(counselor.getUsername());
		open("/sessions/" + monday.getId() + "/attendance");

		Actions keyboard = new Actions(browser);
		for (int presses = 0; presses < 40 && !"radio".equals(activeElementType()); presses++) {
			keyboard.sendKeys(Keys.TAB).perform();
		}
		assertThat(activeElementType()).as("Tab reaches the first choice").isEqualTo("radio");
		keyboard.sendKeys(Keys.SPACE).perform();
		keyboard.sendKeys(Keys.ARROW_RIGHT).perform();
		WebElement html = browser.findElement(By.tagName("html"));
		keyboard.sendKeys(Keys.ENTER).perform();
		wait.until(driver -> isGone(html));
		checkAccessibility();

		assertThat(text(".notice")).isEqualTo("Attendance saved (1 changed).");
		assertThat(fixtures.markOf(monday, gale)).isEqualTo(AttendanceStatus.ABSENT);
	}

	private String activeElementType() {
		return (String) ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.activeElement && document.activeElement.type");
	}

	@Test
	void aCounselorPicksLastWeeksDayMarksEveryonePresentFixesAnExceptionAndSeesTheMinutesErrorByTheField() {
		Account counselor = fixtures.counselor("Noor Haddad");
		Evening evening = fixtures.evening("Evening IOP", counselor);
		Account fern = fixtures.participant("Fern Akins");
		Account gus = fixtures.participant("Gus Moreau");
		Account hal = fixtures.participant("Hal Ibsen");
		for (Account participant : List.of(fern, gus, hal)) {
			fixtures.enrol(evening.program(), participant, PageFixtures.MONDAY.minusWeeks(3), evening.blockIds());
		}
		DatedSession lastMonday = fixtures.session(evening.program(), evening.monday(),
				PageFixtures.MONDAY.minusWeeks(1));

		browser.manage().window().setSize(PHONE);
		signIn(counselor.getUsername());
		pick("date-picker", "2026-10-26");
		submit(browser.findElement(By.cssSelector(".week-pick button")));
		assertThat(browser.getCurrentUrl()).endsWith("/sessions?date=2026-10-26");
		assertThat(text("#day-shown")).isEqualTo("Monday 26 October 2026");
		assertThat(pageText()).contains("Mon 26 Oct", "Week of 26 Oct - 1 Nov");
		checkFitsPhone();

		submit(browser.findElement(By.linkText("Next day")));
		assertThat(text("#day-shown")).isEqualTo("Tuesday 27 October 2026");
		submit(browser.findElement(By.linkText("Previous day")));
		submit(browser.findElement(By.cssSelector(".session-list")).findElement(By.linkText("Open sheet")));
		assertThat(text("h1")).isEqualTo("Attendance: Process group");

		submit(browser.findElement(By.id("all-present")));
		assertThat(text(".notice")).startsWith("Everyone not yet marked is now marked present, not saved yet");
		for (Account participant : List.of(fern, gus, hal)) {
			assertThat(browser.findElement(By.id("p" + participant.getId() + "-PRESENT")).isSelected()).isTrue();
		}
		assertThat(fixtures.markOf(lastMonday, fern)).as("one tap fills the sheet; only saving saves").isNull();

		tap(hal, "LATE");
		submit(browser.findElement(By.cssSelector(".sheet-actions button")));
		WebElement minutes = browser.findElement(By.id("p" + hal.getId() + "-minutes"));
		WebElement error = browser.findElement(By.id("p" + hal.getId() + "-minutes-help"));
		assertThat(error.getText()).isEqualTo("Enter the minutes attended: more than 0 and less than 180.");
		assertThat(error.findElement(By.xpath(".."))).as("the error sits in the field's own label, next to the field")
			.isEqualTo(minutes.findElement(By.xpath("..")));
		assertThat(minutes.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(fixtures.markOf(lastMonday, fern)).as("the sheet is saved whole or not at all").isNull();

		type("p" + hal.getId() + "-minutes", "150");
		checkFitsPhone();
		screenshot("counselor-sheet-375");
		submit(browser.findElement(By.cssSelector(".sheet-actions button")));
		assertThat(text(".notice")).isEqualTo("Attendance saved (3 changed).");
		assertThat(fixtures.markOf(lastMonday, fern)).isEqualTo(AttendanceStatus.PRESENT);
		assertThat(fixtures.markOf(lastMonday, gus)).isEqualTo(AttendanceStatus.PRESENT);
		assertThat(fixtures.markOf(lastMonday, hal)).isEqualTo(AttendanceStatus.LATE);
		assertThat(fixtures.minutesOf(lastMonday, hal)).isEqualTo(150);
		checkFitsPhone();
	}

	/**
	 * One tap: the visible label of the status, as a finger (or the space bar) would
	 * choose it.
	 */
	private void tap(Account participant, String status) {
		click(browser.findElement(By.cssSelector("label[for='p" + participant.getId() + "-" + status + "']")));
	}

	private boolean horizontalOverflow() {
		return (Boolean) ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return document.documentElement.scrollWidth > document.documentElement.clientWidth");
	}

}
