package org.iopscheduler.browser;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Account;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coordinator's enrolment work in Chromium: discharge (and its refusal in words), a
 * plan change with the live meter, undo of a scheduled change, and picking a participant
 * by typing. Today is Wed 4 Nov 2026 (New York).
 */
class EnrollmentPagesBrowserTest extends BrowserTestBase {

	@Autowired
	Enrollments enrollments;

	Evening evening;

	Account alex;

	Enrollment enrolled(String program) {
		evening = fixtures.evening(program, fixtures.counselor("Dana Whitfield"));
		alex = fixtures.participant("Alex Carter");
		return enrollments.enrol(evening.program().getId(), alex.getId(), PageFixtures.MONDAY.minusWeeks(2), null,
				evening.blockIds());
	}

	@Test
	void aDischargeBeforeRecordedAttendanceIsRefusedInWordsThenADischargeAfterItSucceeds() {
		enrolled("Discharge IOP");
		Account sam = fixtures.coordinator("Sam Okafor");
		fixtures.mark(fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY), alex,
				AttendanceStatus.PRESENT, null, sam);
		signIn(sam.getUsername());
		open("/participants/" + alex.getId());
		click(browser.findElement(By.linkText("Discharge or change the plan")));

		pick("discharge-date", PageFixtures.MONDAY.minusDays(1).toString());
		type("discharge-reason", "moved away");
		submit(browser.findElement(By.cssSelector("#discharge-form button[type=submit]")));
		assertThat(text("#discharge-date-error")).isEqualTo(
				"Alex Carter attended Process group on Mon 2 Nov, after the discharge date you chose (Sun 1 Nov). Choose Mon 2 Nov or later.");
		screenshot("enrollment-discharge-refused");

		pick("discharge-date", PageFixtures.MONDAY.plusDays(2).toString());
		submit(browser.findElement(By.cssSelector("#discharge-form button[type=submit]")));
		assertThat(pageText()).contains("Discharged; the last day in the program is Wed 4 Nov.",
				"Discharged on Wed 4 Nov: moved away");
	}

	@Test
	void aPlanChangeWithTheMeterIsScheduledAndCanBeUndone() {
		Enrollment e = enrolled("Plan IOP");
		fixtures.block(evening.program(), BlockType.GROUP, "Weekend group", DayOfWeek.SATURDAY, "10:00", 120,
				evening.counselor(), "Room 1");
		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		open("/enrollments/" + e.getId());

		pick("effectiveFrom", PageFixtures.MONDAY.plusWeeks(2).toString());
		click(browser.findElement(By.xpath("//label[.//strong[text()='Relapse prevention']]")));
		awaitUpdate("plan-summary", "6 h of 9 h");
		assertThat(text("#plan-summary")).contains("The change would be refused", "3 h more needed");
		click(browser.findElement(By.xpath("//label[.//strong[text()='Weekend group']]")));
		awaitUpdate("plan-summary", "8 h of 9 h");
		click(browser.findElement(By.xpath("//label[.//strong[text()='Relapse prevention']]")));
		awaitUpdate("plan-summary", "11 h of 9 h");
		assertThat(text("#plan-summary")).contains("The plan reaches the program's minimum.");
		screenshot("enrollment-plan-change");
		submit(browser.findElement(By.cssSelector("#plan-form button[type=submit]")));

		assertThat(pageText()).contains("The new plan holds from Mon 16 Nov.", "Weekend group, Saturday 10:00–12:00",
				"Scheduled");
		screenshot("enrollment-timeline-scheduled");
		submit(browser.findElement(By.xpath("//button[normalize-space(.)='Undo the change from Mon 16 Nov']")));
		assertThat(pageText()).contains("The plan change from Mon 16 Nov was undone.")
			.doesNotContain("Weekend group, Saturday");
	}

	@Test
	void aParticipantIsPickedByTypingAndOnlyFreeOnesAreOffered() {
		evening = fixtures.evening("Picker IOP", fixtures.counselor("Dana Whitfield"));
		Account jamie = fixtures.participant("Jamie Quill");
		Account busy = fixtures.participant("Jamie Quarry");
		enrollments.enrol(evening.program().getId(), busy.getId(), PageFixtures.MONDAY.minusWeeks(1), null,
				evening.blockIds());
		signIn(fixtures.coordinator("Sam Okafor").getUsername());
		open("/programs/" + evening.program().getId() + "/enrol");

		type("participant-search", "jamie q");
		awaitUpdate("participant-matches", "Jamie Quill");
		assertThat(text("#participant-matches")).doesNotContain("Jamie Quarry");
		click(browser.findElement(By.id("participant-" + jamie.getId())));
		for (var box : browser.findElements(By.cssSelector("input[name=blockIds]"))) {
			click(box);
		}
		awaitUpdate("plan-summary", "9 h of 9 h");
		submit(browser.findElement(By.cssSelector("#enrol-form button[type=submit]")));
		assertThat(browser.getCurrentUrl()).endsWith("/participants/" + jamie.getId());
		assertThat(pageText()).contains("Enrolled in Picker IOP");
	}

}
