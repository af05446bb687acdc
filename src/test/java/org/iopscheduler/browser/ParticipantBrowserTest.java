package org.iopscheduler.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.people.Account;

import static org.assertj.core.api.Assertions.assertThat;

class ParticipantBrowserTest extends BrowserTestBase {

	@Test
	void aParticipantSeesTheHoursTheCounselorHasJustMarked() {
		Account counselor = fixtures.counselor("Hana Kobayashi");
		Evening evening = fixtures.evening("Evening IOP", counselor);
		Account quinn = fixtures.participant("Quinn Alvarez");
		Account other = fixtures.participant("Rowan Pettersen");
		fixtures.enrol(evening.program(), quinn, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		fixtures.enrol(evening.program(), other, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());

		signIn(quinn.getUsername());
		assertThat(browser.getCurrentUrl()).endsWith("/me");
		assertThat(text("#hours-attended")).isEqualTo("0 min attended of the 9 h minimum");
		signOut();

		signIn(counselor.getUsername());
		markPresent(fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY).getId(), quinn, other);
		markPresent(fixtures.session(evening.program(), evening.wednesday(), PageFixtures.MONDAY.plusDays(2)).getId(),
				quinn, other);
		signOut();

		signIn(quinn.getUsername());
		assertThat(text("#hours-attended")).isEqualTo("6 h attended of the 9 h minimum");
		assertThat(browser.findElement(By.id("hours-bar")).getDomAttribute("value")).isEqualTo("360");
		assertThat(pageText()).contains("Monday 2 November", "18:00–21:00 EST", "Process group", "Room 2",
				"Relapse prevention", "On track");
		screenshot("participant-own-week");
	}

	@Test
	void noOtherParticipantsNameAppearsOnAParticipantsOwnPages() {
		Account counselor = fixtures.counselor("Ines Duarte");
		Evening evening = fixtures.evening("Evening IOP", counselor);
		Account sky = fixtures.participant("Sky Whitaker");
		Account groupmate = fixtures.participant("Tamsin Oyelaran");
		fixtures.enrol(evening.program(), sky, PageFixtures.MONDAY.minusWeeks(4), evening.blockIds());
		fixtures.enrol(evening.program(), groupmate, PageFixtures.MONDAY.minusWeeks(4), evening.blockIds());

		signIn(sky.getUsername());
		for (String path : new String[] { "/me", "/me?week=2026-W44", "/me?week=2026-W46" }) {
			open(path);
			assertThat(browser.getPageSource()).contains("Sky Whitaker").doesNotContain("Tamsin Oyelaran");
		}
	}

	@Test
	void aParticipantWhoGuessesAnotherParticipantsUrlGetsNothing() {
		Account counselor = fixtures.counselor("Luca Ferri");
		Evening evening = fixtures.evening("Evening IOP", counselor);
		Account uma = fixtures.participant("Uma Castellanos");
		Account victor = fixtures.participant("Victor Nakashima");
		fixtures.enrol(evening.program(), victor, PageFixtures.MONDAY.minusWeeks(1), evening.blockIds());

		signIn(uma.getUsername());
		open("/participants/" + victor.getId());

		assertThat(text("h1")).isEqualTo("Page not found");
		assertThat(browser.getPageSource()).doesNotContain("Victor Nakashima").doesNotContain("Evening IOP");
		assertThat(asThisBrowser("GET", "/participants/" + victor.getId()).statusCode()).isEqualTo(404);
		// an id that exists and one that does not look the same: nothing tells them apart
		assertThat(withoutCsrfToken(asThisBrowser("GET", "/participants/" + victor.getId()).body()))
			.isEqualTo(withoutCsrfToken(asThisBrowser("GET", "/participants/999999").body()));
		screenshot("participant-guess-404");
	}

	@Test
	void aParticipantsOwnStaffPageAddressLeadsToTheirOwnSchedule() {
		Account wren = fixtures.participant("Wren Adeyemi");

		signIn(wren.getUsername());
		open("/participants/" + wren.getId());

		assertThat(browser.getCurrentUrl()).endsWith("/me");
	}

	@Test
	void aParticipantCannotOpenStaffPages() {
		Account counselor = fixtures.counselor("Mira Solberg");
		Evening evening = fixtures.evening("Evening IOP", counselor);
		Account xan = fixtures.participant("Xan Pereira");

		signIn(xan.getUsername());

		for (String path : new String[] { "/programs", "/programs/" + evening.program().getId() + "/calendar",
				"/programs/" + evening.program().getId() + "/dose", "/people", "/sessions" }) {
			assertThat(asThisBrowser("GET", path).statusCode()).as(path).isEqualTo(403);
		}
		open("/programs/" + evening.program().getId() + "/dose");
		assertThat(text("h1")).isEqualTo("Not allowed");
		assertThat(browser.getPageSource()).doesNotContain(evening.program().getName());
	}

	private static String withoutCsrfToken(String html) {
		return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
	}

	@Test
	void aParticipantLooksBackAtLastWeekOnAPhoneWithTheWeekInWords() {
		Account counselor = fixtures.counselor("Iris Lund");
		Evening evening = fixtures.evening("Evening IOP", counselor);
		Account jo = fixtures.participant("Jo Okafor");
		fixtures.enrol(evening.program(), jo, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		fixtures.mark(fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY.minusWeeks(1)), jo,
				AttendanceStatus.PRESENT, null, counselor);

		browser.manage().window().setSize(PHONE);
		signIn(jo.getUsername());
		assertThat(text("#week-shown")).isEqualTo("This week: 2 Nov - 8 Nov");
		assertThat(text(".past-weeks")).contains("26 Oct - 1 Nov", "3 h of the 9 h minimum").doesNotContain("2026-W44");
		checkFitsPhone();
		screenshot("participant-week-375");

		submit(browser.findElement(By.linkText("26 Oct - 1 Nov")));
		assertThat(text("#week-shown")).isEqualTo("26 Oct - 1 Nov");
		assertThat(text("#progress-title")).isEqualTo("Hours 26 Oct - 1 Nov");
		assertThat(pageText()).contains("Monday 26 October", "Present");
		checkFitsPhone();

		submit(browser.findElement(By.cssSelector(".week-nav a[rel=prev]")));
		assertThat(text("#week-shown")).isEqualTo("19 Oct - 25 Oct");
		submit(browser.findElement(By.cssSelector(".week-nav a[rel=next]")));
		assertThat(text("#week-shown")).isEqualTo("26 Oct - 1 Nov");
	}

	private void markPresent(long sessionId, Account... participants) {
		open("/sessions/" + sessionId + "/attendance");
		for (Account participant : participants) {
			click(browser.findElement(By.cssSelector("label[for='p" + participant.getId() + "-PRESENT']")));
		}
		submit(browser.findElement(By.cssSelector(".sheet-actions button")));
		assertThat(text(".notice")).startsWith("Attendance saved");
	}

}
