package org.iopscheduler.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iopscheduler.people.internal.AccountRepository;
import org.iopscheduler.support.Clinic;
import org.iopscheduler.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Sign-in throttling: five failed sign-ins in a row lock the account for fifteen minutes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ Clinic.class, SignInThrottlingTest.Time.class })
class SignInThrottlingTest {

	/**
	 * Every failed sign-in, locked or not, known username or not, answers in these words.
	 */
	private static final String REFUSED = "sign in with HTTP Basic: a valid username and password are required; "
			+ "an account rests for a while after repeated failed sign-ins";

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(Instant.parse("2026-11-02T15:00:00Z"));
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Clinic clinic;

	@Autowired
	MutableClock clock;

	@Autowired
	AccountRepository accounts;

	@Autowired
	SignInThrottle throttle;

	Account coordinator;

	@BeforeEach
	void aCoordinator() {
		clock.set(Instant.parse("2026-11-02T15:00:00Z"));
		coordinator = clinic.coordinator();
	}

	@Test
	void fiveFailedSignInsInARowLockTheAccount() throws Exception {
		for (int i = 0; i < 4; i++) {
			basic("wrong-password").andExpect(status().isUnauthorized());
		}
		basic(Clinic.PASSWORD).andExpect(status().isOk());
		// the success started the count again: four more failures do not lock
		for (int i = 0; i < 4; i++) {
			basic("wrong-password").andExpect(status().isUnauthorized());
		}
		basic(Clinic.PASSWORD).andExpect(status().isOk());
		failFiveTimes();

		basic(Clinic.PASSWORD).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(REFUSED));
	}

	@Test
	void aSignInWithNoFailuresToForgetWritesNothingToTheAccountRow() throws Exception {
		long before = reload().getRowVersion();

		basic(Clinic.PASSWORD).andExpect(status().isOk());
		basic(Clinic.PASSWORD).andExpect(status().isOk());

		assertThat(reload().getRowVersion()).isEqualTo(before);
	}

	@Test
	void aLockedAccountIsRefusedWithTheRightPasswordInTheSameWordsAsWithAWrongOne() throws Exception {
		failFiveTimes();

		basic(Clinic.PASSWORD).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.detail").value(REFUSED));
		basic("wrong-password").andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(REFUSED));
	}

	@Test
	void theLockEndsAfterFifteenMinutes() throws Exception {
		failFiveTimes();

		clock.advance(Duration.ofMinutes(14).plusSeconds(59));
		basic(Clinic.PASSWORD).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(REFUSED));
		clock.advance(Duration.ofSeconds(1));
		basic(Clinic.PASSWORD).andExpect(status().isOk());
	}

	@Test
	void theCountAndTheLockLiveInTheAccountRowWhereEveryInstanceSeesThem() throws Exception {
		for (int i = 0; i < 3; i++) {
			basic("wrong-password");
		}
		assertThat(reload().getFailedLogins()).isEqualTo(3);

		basic("wrong-password");
		basic("wrong-password");
		assertThat(reload().getFailedLogins()).isZero();
		assertThat(reload().getLockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
	}

	@Test
	void failuresArrivingAtTheSameMomentAllCount() throws Exception {
		int failures = 7;
		ExecutorService pool = Executors.newFixedThreadPool(failures);
		CountDownLatch start = new CountDownLatch(1);
		try {
			var results = new java.util.ArrayList<Future<?>>();
			for (int i = 0; i < failures; i++) {
				results.add(pool.submit(() -> {
					start.await();
					throttle.failed(new AuthenticationFailureBadCredentialsEvent(
							UsernamePasswordAuthenticationToken.unauthenticated(coordinator.getUsername(), "guess"),
							new BadCredentialsException("bad")));
					return null;
				}));
			}
			start.countDown();
			for (Future<?> result : results) {
				result.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			// no interrupt: a sign-in cut short mid-write would close an H2 database file
			pool.shutdown();
			pool.awaitTermination(30, TimeUnit.SECONDS);
		}
		// five locked the account and started the count again; the other two counted
		// after that
		assertThat(reload().getLockedUntil()).isNotNull();
		assertThat(reload().getFailedLogins()).isEqualTo(failures - 5);
	}

	@Test
	void theFormLoginCountsFailuresAndHonoursTheLock() throws Exception {
		for (int i = 0; i < 5; i++) {
			form("wrong-password").andExpect(redirectedUrl("/login?error"));
		}

		form(Clinic.PASSWORD).andExpect(redirectedUrl("/login?error"));
		clock.advance(Duration.ofMinutes(15));
		form(Clinic.PASSWORD).andExpect(redirectedUrl("/"));
	}

	@Test
	void anUnknownUsernameIsRefusedLikeALockedAccount() throws Exception {
		failFiveTimes();
		String locked = basic(Clinic.PASSWORD).andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknown = mvc
			.perform(get("/api/programs").with(httpBasic("nobody-" + Clinic.unique("x"), Clinic.PASSWORD)))
			.andExpect(status().isUnauthorized())
			.andReturn()
			.getResponse()
			.getContentAsString();

		// the same body, instance included: nothing tells the two apart
		assertThat(unknown).isEqualTo(locked);
	}

	@Test
	void theLoginPageAnswersAnUnknownUsernameLikeALockedAccount() throws Exception {
		for (int i = 0; i < 5; i++) {
			form("wrong-password");
		}
		form(Clinic.PASSWORD).andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").param("username", "nobody-" + Clinic.unique("x"))
			.param("password", Clinic.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void anUnknownUsernameIsRefusedLikeAWrongPassword() throws Exception {
		mvc.perform(get("/api/programs").with(httpBasic("nobody-" + Clinic.unique("x"), "whatever-pass")))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value(REFUSED));
	}

	private void failFiveTimes() throws Exception {
		for (int i = 0; i < 5; i++) {
			basic("wrong-password").andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail").value(REFUSED));
		}
	}

	private ResultActions basic(String password) throws Exception {
		return mvc.perform(get("/api/programs").with(httpBasic(coordinator.getUsername(), password)));
	}

	private ResultActions form(String password) throws Exception {
		return mvc.perform(
				post("/login").param("username", coordinator.getUsername()).param("password", password).with(csrf()));
	}

	private Account reload() {
		return accounts.findById(coordinator.getId()).orElseThrow();
	}

}
