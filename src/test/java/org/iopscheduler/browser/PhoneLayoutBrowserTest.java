package org.iopscheduler.browser;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

import org.iopscheduler.browser.PageFixtures.Clinic;
import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Account;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, "Phones" and "Accessible": every page, as its user reaches it on a 375 px
 * phone, in the states a clinic meets (a form with its errors, a refusal in words, an
 * empty list, a long table, a scheduled plan change, every dose status), fits the screen
 * with 44 px tap targets and has no serious or critical axe-core violation. Each walk
 * collects every fault it meets and reports them together at its end, so one run names
 * all the pages to fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneLayoutBrowserTest extends BrowserTestBase {

	@Autowired
	Enrollments enrollments;

	private Clinic clinic;

	private final List<String> faults = new ArrayList<>();

	@BeforeAll
	void aClinicWithWeeksOfAttendance() {
		clinic = fixtures.clinic("Phone Clinic IOP");
		fixtures.attendanceOf(clinic);
	}

	@BeforeEach
	void onAPhone() {
		faults.clear();
		browser.manage().window().setSize(PHONE);
	}

	@AfterEach
	void everyPageFitsThePhoneAndIsAccessible() {
		assertThat(faults).as("faults on a 375 px phone").isEmpty();
	}

	@Test
	void aCoordinatorRunsTheClinicFromAPhone() {
		long programId = clinic.program().getId();
		open("/login");
		fits("sign-in");
		browser.findElement(By.id("username")).sendKeys("nobody-here");
		browser.findElement(By.id("password")).sendKeys("not-the-password");
		submit(browser.findElement(By.cssSelector("form[action$='/login'] button")));
		fits("sign-in refused");

		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		fits("programs, a long list");
		submit(browser.findElement(By.cssSelector("form[action$='/programs'] button[type=submit]")));
		fits("new program with errors");

		open("/programs/" + programId + "/calendar?week=2026-W45");
		fits("calendar as a day list");
		open("/programs/" + programId + "/closures/new?date=2026-11-12");
		fits("closure form");
		type("reason", "");
		submit(browser.findElement(By.cssSelector("form[action$='/closures'] button[type=submit]")));
		fits("closure form with errors");
		type("reason", "Veterans Day");
		submit(browser.findElement(By.cssSelector("form[action$='/closures'] button[type=submit]")));
		fits("calendar with a closed day");

		open("/programs/" + programId + "/blocks/new");
		fits("new block");
		submit(browser.findElement(By.cssSelector("form button[type=submit]:not(.outline)")));
		fits("new block with errors");
		open("/blocks/" + clinic.wednesday().getId() + "/edit");
		pick("effectiveFrom", "2026-11-16");
		awaitUpdate("replaces", "Saving from");
		fits("block change, what it replaces");

		DatedSession thursday = fixtures.session(clinic.program(), clinic.thursday(), PageFixtures.MONDAY.plusDays(3));
		open("/sessions/" + thursday.getId());
		fits("session not started");
		submit(browser.findElement(By.cssSelector("form[action$='/cancel/check'] button")));
		fits("cancel without a reason");
		type("reason", "Counselor ill");
		submit(browser.findElement(By.cssSelector("form[action$='/cancel/check'] button")));
		fits("cancel confirmation, who loses minutes");
		submit(browser.findElement(By.cssSelector("form[action$='/cancel'] button[type=submit]")));
		fits("cancelled session");

		DatedSession monday = fixtures.session(clinic.program(), clinic.monday(), PageFixtures.MONDAY);
		open("/sessions/" + monday.getId());
		fits("started session with its roster");
		submit(browser.findElement(By.cssSelector("a[aria-label='Schedule a make-up for Blake Romero']")));
		fits("make-up form");
		pick("day-date", "2026-11-06");
		submit(browser.findElement(By.cssSelector("form.make-up-day button[type=submit]")));
		fits("make-up free times");
		submit(browser.findElement(By.xpath("//button[text()='Schedule the make-up']")));
		fits("make-up refused: no start time");
		click(browser.findElement(By.cssSelector("label[for='start-10:00']")));
		submit(browser.findElement(By.xpath("//button[text()='Schedule the make-up']")));
		fits("make-up scheduled");

		open("/programs/" + programId + "/dose?week=2026-W44");
		fits("dose: met, under-dosed, partial week");
		open("/programs/" + programId + "/dose?week=2026-W45");
		fits("dose: on track, at risk");
		open("/programs/" + programId + "/dose?week=2026-W45&status=MET");
		fits("dose: nobody with that status");
		open("/participants/" + clinic.participant("Gray Sullivan").getId() + "/make-up?week=2026-W45");
		fits("a participant's week to make up");
		open("/participants/" + clinic.participant("Emery Walsh").getId() + "/make-up?week=2026-W42");
		fits("a week with nothing to make up");
		open("/dosage?week=2026-W44");
		fits("organisation dashboard");

		Account casey = clinic.participant("Casey Holt");
		open("/participants/" + casey.getId());
		fits("participant page, chart and history");
		Enrollment enrollment = enrollments.ofParticipant(casey.getId()).get(0);
		enrollments.changePlan(enrollment.getId(), List.of(clinic.monday().getId(), clinic.wednesday().getId(),
				clinic.thursday().getId(), clinic.saturday().getId()), PageFixtures.MONDAY.plusWeeks(2));
		open("/enrollments/" + enrollment.getId());
		fits("enrollment timeline with a scheduled change");
		pick("effectiveFrom", PageFixtures.MONDAY.plusWeeks(1).toString());
		click(browser.findElement(By.xpath("//label[.//strong[text()='Weekend skills group']]")));
		awaitUpdate("plan-summary", "refused");
		fits("plan change refused by the meter");
		pick("discharge-date", PageFixtures.MONDAY.minusWeeks(2).toString());
		type("discharge-reason", "moved away");
		submit(browser.findElement(By.cssSelector("#discharge-form button[type=submit]")));
		fits("discharge refused in words");

		fixtures.participant("Ashley Newcombe");
		open("/programs/" + programId + "/enrol");
		fits("enrol");
		submit(browser.findElement(By.cssSelector("#enrol-form button[type=submit]")));
		fits("enrol with errors");
		type("participant-search", "ashley");
		awaitUpdate("participant-matches", "Ashley Newcombe");
		fits("enrol, the picker's results");

		open("/people");
		fits("people, a long list");
		submit(browser.findElement(By.cssSelector("form[action$='/people/participants'] button")));
		fits("new participant with errors");
		type("people-q", "zzzz-nobody");
		submit(browser.findElement(By.cssSelector("form.people-search button[type=submit]")));
		fits("people search with no match");
		open("/accounts/" + clinic.lead().getId());
		fits("a staff account");
		open("/password");
		fits("change password");
		submit(browser.findElement(By.cssSelector("form[action$='/password'] button[type=submit]")));
		fits("change password with errors");
		open("/audit");
		fits("audit log, a long table");
		type("audit-participant", "zzzz-nobody");
		submit(browser.findElement(By.cssSelector("form.audit-filter button[type=submit]")));
		fits("audit log filtered to nothing");
		open("/sessions");
		fits("a coordinator's sessions");
		open("/no-such-page");
		fits("page not found");
	}

	@Test
	void aCounselorTakesAttendanceAndReadsTheProgramFromAPhone() {
		Account counselor = fixtures.counselor("Noor Haddad");
		Evening evening = fixtures.evening("Phone Evening IOP", counselor);
		List<Account> group = List.of(fixtures.participant("Fern Akins"), fixtures.participant("Gus Moreau"),
				fixtures.participant("Hal Ibsen"));
		for (Account participant : group) {
			fixtures.enrol(evening.program(), participant, PageFixtures.MONDAY.minusWeeks(3), evening.blockIds());
		}
		DatedSession monday = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY);
		DatedSession thursday = fixtures.session(evening.program(), evening.thursday(),
				PageFixtures.MONDAY.plusDays(3));

		signIn(counselor.getUsername());
		fits("today's sessions");
		open("/sessions?date=2026-11-03");
		fits("a day without sessions");
		open("/sessions/" + monday.getId() + "/attendance");
		fits("attendance sheet");
		submit(browser.findElement(By.id("all-present")));
		fits("everyone marked present, not saved");
		click(browser.findElement(By.cssSelector("label[for='p" + group.get(2).getId() + "-LATE']")));
		fits("a late mark asks for minutes");
		submit(browser.findElement(By.cssSelector(".sheet-actions button")));
		fits("sheet refused: minutes missing");
		type("p" + group.get(2).getId() + "-minutes", "150");
		submit(browser.findElement(By.cssSelector(".sheet-actions button")));
		fits("sheet saved");
		open("/sessions/" + thursday.getId() + "/attendance");
		fits("sheet of a session not started");

		open("/programs");
		fits("programs for a counselor");
		open("/programs/" + evening.program().getId() + "/calendar");
		fits("calendar for a counselor");
		open("/programs/" + clinic.program().getId() + "/dose?week=2026-W44");
		fits("dose for a counselor");
		open("/audit");
		fits("not allowed");
	}

	@Test
	void aParticipantReadsTheirOwnWeeksFromAPhone() {
		Account casey = clinic.participant("Casey Holt");
		signIn(casey.getUsername());
		fits("own week");
		open("/me?week=2026-W44");
		fits("an earlier week");
		open("/participants/" + clinic.participant("Blake Romero").getId());
		fits("another participant's page: not found");
		open("/programs");
		fits("a staff page: not allowed");
		open("/password");
		type("currentPassword", "wrong");
		submit(browser.findElement(By.cssSelector("form[action$='/password'] button[type=submit]")));
		fits("change password with errors");
	}

	/**
	 * The phone check of the page as it is now, its faults kept for the end of the walk.
	 */
	private void fits(String state) {
		try {
			checkFitsPhone();
		}
		catch (AssertionError fault) {
			faults.add(state + ": " + fault.getMessage());
		}
	}

	/** Every axe check of the walk (loads, submits, clicks) collected the same way. */
	@Override
	void checkAccessibility() {
		try {
			super.checkAccessibility();
		}
		catch (AssertionError fault) {
			faults.add(fault.getMessage());
		}
	}

}
