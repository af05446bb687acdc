package org.iopscheduler.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.iopscheduler.people.Account;

import static org.assertj.core.api.Assertions.assertThat;

class SignInBrowserTest extends BrowserTestBase {

	@Test
	void eachRoleLandsOnThePageItsDailyWorkStartsOn() {
		Account coordinator = fixtures.coordinator("Ada Coordinator");
		Account counselor = fixtures.counselor("Ben Counselor");
		Account participant = fixtures.participant("Cleo Participant");

		signIn(coordinator.getUsername());
		assertThat(browser.getCurrentUrl()).endsWith("/programs");
		signOut();
		signIn(counselor.getUsername());
		assertThat(browser.getCurrentUrl()).endsWith("/sessions");
		signOut();
		signIn(participant.getUsername());
		assertThat(browser.getCurrentUrl()).endsWith("/me");
	}

	@Test
	void aWrongPasswordIsRefusedInPlainWords() {
		Account counselor = fixtures.counselor("Dee Counselor");

		open("/login");
		screenshot("sign-in");
		browser.findElement(By.id("username")).sendKeys(counselor.getUsername());
		browser.findElement(By.id("password")).sendKeys("not-the-password");
		submit(browser.findElement(By.cssSelector("form[action$='/login'] button")));

		assertThat(browser.getCurrentUrl()).endsWith("/login?error");
		assertThat(text("[role=alert]")).startsWith("That username and password do not match an account");
	}

	@Test
	void signingOutEndsTheSession() {
		Account counselor = fixtures.counselor("Eve Counselor");
		signIn(counselor.getUsername());

		signOut();
		open("/sessions");

		assertThat(browser.getCurrentUrl()).endsWith("/login");
	}

	@Test
	void aFormPostedWithoutItsCsrfTokenIsRefused() {
		Account coordinator = fixtures.coordinator("Fay Coordinator");
		signIn(coordinator.getUsername());

		assertThat(asThisBrowser("POST", "/programs").statusCode()).isEqualTo(403);
	}

	@Test
	void aPageAskedForBeforeSigningInOpensAfterSigningIn() {
		Account coordinator = fixtures.coordinator("Gil Coordinator");

		open("/people");
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.id("username")).sendKeys(coordinator.getUsername());
		browser.findElement(By.id("password")).sendKeys(PageFixtures.PASSWORD);
		submit(browser.findElement(By.cssSelector("form[action$='/login'] button")));

		assertThat(browser.getCurrentUrl()).contains("/people");
		assertThat(text("h1")).isEqualTo("People");
	}

	@Test
	void theNotAllowedAndNotFoundPagesKeepTheMenuOfWhoeverIsSignedIn() {
		Account participant = fixtures.participant("Hope Participant");
		Account other = fixtures.participant("Ivo Participant");
		Account coordinator = fixtures.coordinator("Jo Coordinator");

		signIn(participant.getUsername());
		open("/programs");
		assertThat(text("h1")).isEqualTo("Not allowed");
		assertThat(browser.findElements(By.cssSelector("form.sign-out button"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("nav a[href$='/me']"))).hasSize(1);
		open("/participants/" + other.getId());
		assertThat(browser.findElements(By.cssSelector("form.sign-out button"))).hasSize(1);
		signOut();

		signIn(coordinator.getUsername());
		open("/no-such-page");
		assertThat(browser.findElements(By.cssSelector("form.sign-out button"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("nav a[href$='/people']"))).hasSize(1);
	}

}
