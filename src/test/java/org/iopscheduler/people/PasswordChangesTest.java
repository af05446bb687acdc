package org.iopscheduler.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.iopscheduler.support.Clinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Passwords (#11 item 10): a signed-in person changes their own with the current one; a
 * coordinator resets another's and ends a lock-out. Every change is audited, ends the
 * account's other page sessions (kept in the database) and the old password at once.
 */
// the prod profile's session settings (application-prod.properties), which must reach the
// sessions in the database
@SpringBootTest(properties = { "server.servlet.session.timeout=15m", "server.servlet.session.cookie.secure=true" })
@AutoConfigureMockMvc
@Import(Clinic.class)
class PasswordChangesTest {

	static final String NEW_PASSWORD = "Sunlit-harbour-42";

	@Autowired
	MockMvc mvc;

	@Autowired
	Clinic clinic;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	People people;

	Account coordinator;

	Account counselor;

	Account participant;

	@BeforeEach
	void accounts() {
		coordinator = clinic.coordinator();
		counselor = clinic.counselor();
		participant = clinic.participant();
	}

	@Nested
	class PageSessionsLiveInTheDatabase {

		@Test
		void aFormSignInStoresItsSessionUnderTheUsername() throws Exception {
			signIn(counselor, Clinic.PASSWORD);

			assertThat(jdbc.queryForObject("select count(*) from spring_session where principal_name = ?",
					Integer.class, counselor.getUsername()))
				.isEqualTo(1);
		}

		@Test
		void anApiCallStoresNoSession() throws Exception {
			int before = jdbc.queryForObject("select count(*) from spring_session", Integer.class);
			for (int i = 0; i < 3; i++) {
				assertThat(signsIn(counselor, Clinic.PASSWORD)).isTrue();
			}
			assertThat(jdbc.queryForObject("select count(*) from spring_session", Integer.class)).isEqualTo(before);
		}

	}

	@Nested
	class OwnChange {

		@Test
		void needsTheCurrentPassword() throws Exception {
			changeOwn(counselor, "not-my-password-at-all", NEW_PASSWORD).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail", Matchers.startsWith("currentPassword:")));
			assertThat(signsIn(counselor, Clinic.PASSWORD)).isTrue();
			assertThat(signsIn(counselor, NEW_PASSWORD)).isFalse();
		}

		@Test
		void theOldPasswordStopsWorkingAtOnceOverHttpBasic() throws Exception {
			// signed in once: the old password is now remembered
			// (RecentlyVerifiedPasswords)
			assertThat(signsIn(counselor, Clinic.PASSWORD)).isTrue();

			changeOwn(counselor, Clinic.PASSWORD, NEW_PASSWORD).andExpect(status().isNoContent());

			assertThat(signsIn(counselor, Clinic.PASSWORD)).isFalse();
			assertThat(signsIn(counselor, NEW_PASSWORD)).isTrue();
		}

		@Test
		void endsTheAccountsOtherPageSessionsButNotTheOneThatChangedIt() throws Exception {
			Cookie here = signIn(counselor, Clinic.PASSWORD);
			Cookie elsewhere = signIn(counselor, Clinic.PASSWORD);

			mvc.perform(post("/password").cookie(here)
				.param("currentPassword", Clinic.PASSWORD)
				.param("newPassword", NEW_PASSWORD)
				.param("repeatPassword", NEW_PASSWORD)
				.with(csrf())).andExpect(redirectedUrl("/password"));

			mvc.perform(get("/password").cookie(here)).andExpect(status().isOk());
			mvc.perform(get("/password").cookie(elsewhere)).andExpect(redirectedUrl("/login"));
		}

		@Test
		void overTheApiEndsEveryPageSessionOfTheAccount() throws Exception {
			Cookie page = signIn(participant, Clinic.PASSWORD);
			mvc.perform(get("/me").cookie(page)).andExpect(status().isOk());

			changeOwn(participant, Clinic.PASSWORD, NEW_PASSWORD).andExpect(status().isNoContent());

			mvc.perform(get("/me").cookie(page)).andExpect(redirectedUrl("/login"));
		}

		@Test
		void isAudited() throws Exception {
			changeOwn(participant, Clinic.PASSWORD, NEW_PASSWORD).andExpect(status().isNoContent());

			assertThat(auditLines("CHANGE_PASSWORD", participant.getId(), participant.getId())).isEqualTo(1);
		}

		@Test
		void aStaffMembersChangeOnThePageIsAuditedNamingNobody() throws Exception {
			Cookie page = signIn(counselor, Clinic.PASSWORD);
			mvc.perform(post("/password").cookie(page)
				.param("currentPassword", Clinic.PASSWORD)
				.param("newPassword", NEW_PASSWORD)
				.param("repeatPassword", NEW_PASSWORD)
				.with(csrf())).andExpect(redirectedUrl("/password"));

			assertThat(auditLines("CHANGE_PASSWORD", counselor.getId(), null)).isEqualTo(1);
		}

		@Test
		void aRefusedChangeLeavesNoLine() throws Exception {
			Cookie page = signIn(participant, Clinic.PASSWORD);
			changeOnPage(page, "not-my-password-at-all");
			mvc.perform(post("/password").cookie(page)
				.param("currentPassword", Clinic.PASSWORD)
				.param("newPassword", NEW_PASSWORD)
				.param("repeatPassword", "a-different-one-42")
				.with(csrf())).andExpect(status().isOk());
			changeOwn(participant, Clinic.PASSWORD, "short").andExpect(status().isUnprocessableContent());

			assertThat(auditLines("CHANGE_PASSWORD", participant.getId(), participant.getId())).isZero();
			assertThat(signsIn(participant, Clinic.PASSWORD)).isTrue();
		}

		/** A session left open is no way to guess the password it was opened with. */
		@Test
		void wrongCurrentPasswordsOnThePageCountTowardsTheLockOut() throws Exception {
			Cookie page = signIn(counselor, Clinic.PASSWORD);
			for (int i = 0; i < 5; i++) {
				changeOnPage(page, "wrong-guess-number-" + i);
			}

			changeOnPage(page, Clinic.PASSWORD);
			assertThat(signsIn(counselor, Clinic.PASSWORD)).as("locked").isFalse();
			assertThat(signsIn(counselor, NEW_PASSWORD)).isFalse();
		}

		@Test
		void onThePageNamesTheFieldOfAWrongCurrentPassword() throws Exception {
			Cookie page = signIn(counselor, Clinic.PASSWORD);
			mvc.perform(post("/password").cookie(page)
				.param("currentPassword", "not-my-password-at-all")
				.param("newPassword", NEW_PASSWORD)
				.param("repeatPassword", NEW_PASSWORD)
				.with(csrf()))
				.andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
					.attributeHasFieldErrors("changeForm", "currentPassword"));
			assertThat(signsIn(counselor, Clinic.PASSWORD)).isTrue();
		}

	}

	@Nested
	class ANewPasswordIsRefused {

		@Test
		void shorterThanTwelveCharacters() throws Exception {
			refused("Elevenchars", "at least 12 characters");
		}

		@Test
		void aCommonPasswordInAnyCase() throws Exception {
			refused("Qwertyuiop123", "most common passwords");
		}

		@Test
		void theUsername() throws Exception {
			String username = Clinic.unique("dana.longname");
			Account named = people.createStaff(username, Clinic.PASSWORD, "Dana Longname", Role.COUNSELOR);
			changeOwn(named, Clinic.PASSWORD, username.toUpperCase(java.util.Locale.ROOT))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail", Matchers.startsWith("newPassword:")))
				.andExpect(jsonPath("$.detail", Matchers.containsString("username")));
		}

		@Test
		void onAResetToo() throws Exception {
			mvc.perform(post("/api/accounts/" + counselor.getId() + "/password").with(basicAs(coordinator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"newPassword\":\"password1234\"}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail", Matchers.startsWith("newPassword:")));
		}

		private void refused(String password, String rule) throws Exception {
			changeOwn(counselor, Clinic.PASSWORD, password).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail", Matchers.startsWith("newPassword:")))
				.andExpect(jsonPath("$.detail", Matchers.containsString(rule)));
			// nothing changed
			assertThat(signsIn(counselor, Clinic.PASSWORD)).isTrue();
		}

	}

	@Nested
	class ResetByACoordinator {

		@Test
		void setsTheNewPasswordAndEndsTheOldOneAndTheSessions() throws Exception {
			assertThat(signsIn(counselor, Clinic.PASSWORD)).isTrue();
			Cookie page = signIn(counselor, Clinic.PASSWORD);

			reset(coordinator, counselor, NEW_PASSWORD).andExpect(status().isNoContent());

			assertThat(signsIn(counselor, Clinic.PASSWORD)).isFalse();
			assertThat(signsIn(counselor, NEW_PASSWORD)).isTrue();
			mvc.perform(get("/sessions").cookie(page)).andExpect(redirectedUrl("/login"));
			assertThat(auditLines("RESET_PASSWORD", coordinator.getId(), null)).isEqualTo(1);
		}

		@Test
		void namesTheParticipantInTheAuditLog() throws Exception {
			reset(coordinator, participant, NEW_PASSWORD).andExpect(status().isNoContent());

			assertThat(auditLines("RESET_PASSWORD", coordinator.getId(), participant.getId())).isEqualTo(1);
		}

		@Test
		void onTheAccountPageNamesTheParticipantInTheAuditLog() throws Exception {
			Cookie page = signIn(coordinator, Clinic.PASSWORD);
			mvc.perform(post("/accounts/" + participant.getId() + "/password").cookie(page)
				.param("newPassword", NEW_PASSWORD)
				.with(csrf())).andExpect(redirectedUrl("/accounts/" + participant.getId()));

			assertThat(auditLines("RESET_PASSWORD", coordinator.getId(), participant.getId())).isEqualTo(1);
			assertThat(signsIn(participant, NEW_PASSWORD)).isTrue();
		}

		@Test
		void refusedOnTheAccountPageLeavesNoLine() throws Exception {
			Cookie page = signIn(coordinator, Clinic.PASSWORD);
			mvc.perform(post("/accounts/" + participant.getId() + "/password").cookie(page)
				.param("newPassword", "password1234")
				.with(csrf())).andExpect(status().isOk());

			assertThat(auditLines("RESET_PASSWORD", coordinator.getId(), participant.getId())).isZero();
		}

		@Test
		void isForCoordinatorsOnly() throws Exception {
			reset(counselor, participant, NEW_PASSWORD).andExpect(status().isForbidden());
			reset(participant, counselor, NEW_PASSWORD).andExpect(status().isForbidden());
			assertThat(signsIn(participant, Clinic.PASSWORD)).isTrue();
		}

		@Test
		void isNotForTheirOwnAccountWhichNeedsTheCurrentPassword() throws Exception {
			reset(coordinator, coordinator, NEW_PASSWORD).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail", Matchers.startsWith("id:")));
		}

		@Test
		void ofAnUnknownAccountIsNotFound() throws Exception {
			mvc.perform(post("/api/accounts/987654321/password").with(basicAs(coordinator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"newPassword\":\"" + NEW_PASSWORD + "\"}")).andExpect(status().isNotFound());
		}

	}

	@Nested
	class UnlockByACoordinator {

		@Test
		void endsTheLockOutAtOnce() throws Exception {
			for (int i = 0; i < 5; i++) {
				assertThat(signsIn(counselor, "wrong-password-" + i)).isFalse();
			}
			// locked: even the right password is refused
			assertThat(signsIn(counselor, Clinic.PASSWORD)).isFalse();

			unlock(coordinator, counselor).andExpect(status().isNoContent());

			assertThat(signsIn(counselor, Clinic.PASSWORD)).isTrue();
			assertThat(auditLines("UNLOCK_ACCOUNT", coordinator.getId(), null)).isEqualTo(1);
		}

		@Test
		void isForCoordinatorsOnly() throws Exception {
			unlock(counselor, participant).andExpect(status().isForbidden());
			unlock(participant, participant).andExpect(status().isForbidden());
		}

		@Test
		void worksFromTheAccountPage() throws Exception {
			Cookie page = signIn(coordinator, Clinic.PASSWORD);
			mvc.perform(get("/accounts/" + counselor.getId()).cookie(page)).andExpect(status().isOk());
			mvc.perform(post("/accounts/" + counselor.getId() + "/unlock").cookie(page).with(csrf()))
				.andExpect(redirectedUrl("/accounts/" + counselor.getId()));
			mvc.perform(get("/accounts/" + counselor.getId()).cookie(signIn(counselor, Clinic.PASSWORD)))
				.andExpect(status().isForbidden());
		}

	}

	/** A change on the page that is refused with the current password's field marked. */
	private void changeOnPage(Cookie page, String current) throws Exception {
		mvc.perform(post("/password").cookie(page)
			.param("currentPassword", current)
			.param("newPassword", NEW_PASSWORD)
			.param("repeatPassword", NEW_PASSWORD)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
				.attributeHasFieldErrors("changeForm", "currentPassword"));
	}

	private ResultActions changeOwn(Account account, String current, String next) throws Exception {
		return mvc.perform(post("/api/me/password").with(basicAs(account))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}"));
	}

	private ResultActions reset(Account by, Account account, String next) throws Exception {
		return mvc.perform(post("/api/accounts/" + account.getId() + "/password").with(basicAs(by))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"newPassword\":\"" + next + "\"}"));
	}

	private ResultActions unlock(Account by, Account account) throws Exception {
		return mvc.perform(post("/api/accounts/" + account.getId() + "/unlock").with(basicAs(by)));
	}

	/**
	 * Whether HTTP Basic lets this username and password in (whatever the role may then
	 * do).
	 */
	private boolean signsIn(Account account, String password) throws Exception {
		int status = mvc
			.perform(get("/api/me/schedule").with(httpBasic(account.getUsername(), password))
				.accept(MediaType.APPLICATION_JSON))
			.andReturn()
			.getResponse()
			.getStatus();
		return status != 401;
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor basicAs(Account account) {
		return httpBasic(account.getUsername(), Clinic.PASSWORD);
	}

	/** Form sign-in on the pages: the page session's cookie. */
	private Cookie signIn(Account account, String password) throws Exception {
		Cookie session = mvc
			.perform(post("/login").param("username", account.getUsername()).param("password", password).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(session).as("the page session's cookie").isNotNull();
		return session;
	}

	private int auditLines(String action, long actorId, Long participantId) {
		String sql = "select count(*) from audit_event where action = ? and actor_id = ? and participant_id ";
		return participantId == null ? jdbc.queryForObject(sql + "is null", Integer.class, action, actorId)
				: jdbc.queryForObject(sql + "= ?", Integer.class, action, actorId, participantId);
	}

}
