package org.iopscheduler.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.people.Account;
import org.iopscheduler.support.Clinic;
import org.iopscheduler.support.Clinic.Group;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A change and its audit lines commit together or not at all, and a read's lines are
 * stored before anything is sent: when the audit insert fails the change is rolled back,
 * the records are withheld, and the caller gets a 503 problem (pages: the error page).
 * Each case first shows the same request succeeding, so the failure is the audit's alone.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Clinic.class)
class AuditCommitsWithTheChangeTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clinic clinic;

	/** The real JdbcTemplate, whose audit insert a test makes fail. */
	@MockitoSpyBean
	JdbcTemplate jdbc;

	Account coordinator;

	Account counselor;

	Group group;

	@BeforeEach
	void aProgram() {
		Mockito.reset(jdbc);
		coordinator = clinic.coordinator();
		counselor = clinic.counselor();
		group = clinic.group(counselor);
	}

	private void theAuditInsertFails() {
		willThrow(new DataAccessResourceFailureException("audit table unavailable")).given(jdbc)
			.batchUpdate(startsWith("insert into audit_event"), anyList(), any(int[].class));
	}

	private long count(String sql, Object... args) {
		return jdbc.queryForObject(sql, Long.class, args);
	}

	@Nested
	class AnAuditWriteThatFailsRollsTheChangeBack {

		@Test
		void anEnrolmentOverTheApi() throws Exception {
			Account participant = clinic.participant();
			theAuditInsertFails();

			enrol(participant).andExpect(status().isServiceUnavailable())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("nothing was saved")))
				.andExpect(jsonPath("$.participantId").doesNotExist());
			assertThat(count("select count(*) from enrollment where participant_id = ?", participant.getId())).isZero();

			Mockito.reset(jdbc);
			enrol(participant).andExpect(status().isCreated());
			assertThat(count("select count(*) from enrollment where participant_id = ?", participant.getId())).isOne();
		}

		@Test
		void anAttendanceMarkOverTheApi() throws Exception {
			Account participant = clinic.participant();
			clinic.enrol(group, participant);
			DatedSession session = clinic.firstSession(group);
			theAuditInsertFails();

			mark(session, participant).andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(containsString("nothing was saved")));
			assertThat(marksOf(participant)).isZero();
			assertThat(count("select count(*) from attendance_change where participant_id = ?", participant.getId()))
				.isZero();

			Mockito.reset(jdbc);
			mark(session, participant).andExpect(status().isOk());
			assertThat(marksOf(participant)).isOne();
		}

		@Test
		void aParticipantAddedOnThePeoplePage() throws Exception {
			theAuditInsertFails();

			addOnThePage("audit.fails").andExpect(status().isServiceUnavailable())
				.andExpect(content().string(containsString("nothing was saved")));
			assertThat(count("select count(*) from account where username = ?", "audit.fails")).isZero();

			Mockito.reset(jdbc);
			addOnThePage("audit.fails").andExpect(status().is3xxRedirection());
			assertThat(count("select count(*) from account where username = ?", "audit.fails")).isOne();
		}

		@Test
		void aPasswordResetOverTheApiWhoseLineNamesTheAccount() throws Exception {
			Account participant = clinic.participant();
			String hash = passwordHashOf(participant);
			theAuditInsertFails();

			resetOverTheApi(participant).andExpect(status().isServiceUnavailable())
				.andExpect(jsonPath("$.detail").value(containsString("nothing was saved")));
			assertThat(passwordHashOf(participant)).as("the password is unchanged").isEqualTo(hash);

			Mockito.reset(jdbc);
			resetOverTheApi(participant).andExpect(status().isNoContent());
			assertThat(passwordHashOf(participant)).isNotEqualTo(hash);
			assertThat(count("select count(*) from audit_event where action = 'RESET_PASSWORD' and actor_id = ? "
					+ "and participant_id = ?", coordinator.getId(), participant.getId()))
				.isOne();
		}

		@Test
		void aPasswordResetOnTheAccountPage() throws Exception {
			Account participant = clinic.participant();
			String hash = passwordHashOf(participant);
			theAuditInsertFails();

			resetOnThePage(participant).andExpect(status().isServiceUnavailable())
				.andExpect(content().string(containsString("nothing was saved")));
			assertThat(passwordHashOf(participant)).as("the password is unchanged").isEqualTo(hash);

			Mockito.reset(jdbc);
			resetOnThePage(participant).andExpect(status().is3xxRedirection());
			assertThat(passwordHashOf(participant)).isNotEqualTo(hash);
			assertThat(count("select count(*) from audit_event where action = 'RESET_PASSWORD' and actor_id = ? "
					+ "and participant_id = ?", coordinator.getId(), participant.getId()))
				.isOne();
		}

		private ResultActions resetOverTheApi(Account account) throws Exception {
			return mvc.perform(post("/api/accounts/{id}/password", account.getId()).with(as(coordinator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"newPassword\":\"Sunlit-harbour-42\"}"));
		}

		private ResultActions resetOnThePage(Account account) throws Exception {
			return mvc.perform(post("/accounts/{id}/password", account.getId()).with(as(coordinator))
				.with(csrf())
				.param("newPassword", "Sunlit-harbour-42"));
		}

		private String passwordHashOf(Account account) {
			return jdbc.queryForObject("select password_hash from account where id = ?", String.class, account.getId());
		}

		private ResultActions enrol(Account participant) throws Exception {
			return mvc.perform(post("/api/programs/{id}/enrollments", group.program().getId()).with(as(coordinator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"participantId\":" + participant.getId() + ",\"startDate\":\"2025-01-06\",\"blockIds\":["
						+ group.blockId() + "]}"));
		}

		private ResultActions mark(DatedSession session, Account participant) throws Exception {
			return mvc.perform(
					put("/api/sessions/{s}/attendance/{p}", session.getId(), participant.getId()).with(as(counselor))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"status\":\"PRESENT\"}"));
		}

		private long marksOf(Account participant) {
			return count("select count(*) from attendance_mark where participant_id = ?", participant.getId());
		}

		private ResultActions addOnThePage(String username) throws Exception {
			MockHttpServletRequestBuilder form = post("/people/participants").with(as(coordinator))
				.with(csrf())
				.param("username", username)
				.param("password", Clinic.PASSWORD)
				.param("fullName", "Audit Fails")
				.param("dateOfBirth", "1990-01-01");
			return mvc.perform(form);
		}

	}

	@Nested
	class AReadWhoseAuditFailsSendsNoData {

		@Test
		void aSessionsRosterOverTheApi() throws Exception {
			Account participant = clinic.participant();
			clinic.enrol(group, participant);
			DatedSession session = clinic.firstSession(group);
			mvc.perform(get("/api/sessions/{id}", session.getId()).with(as(coordinator)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.participantIds[0]").value(participant.getId()));
			theAuditInsertFails();

			mvc.perform(get("/api/sessions/{id}", session.getId()).with(as(coordinator)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(containsString("the records are not shown")))
				.andExpect(jsonPath("$.participantIds").doesNotExist());
		}

		@Test
		void aParticipantsPage() throws Exception {
			Account participant = clinic.participant();
			clinic.enrol(group, participant);
			mvc.perform(get("/participants/{id}", participant.getId()).with(as(coordinator)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(participant.getFullName())));
			theAuditInsertFails();

			mvc.perform(get("/participants/{id}", participant.getId()).with(as(coordinator)))
				.andExpect(status().isServiceUnavailable())
				.andExpect(content().string(containsString("the records are not shown")))
				.andExpect(content().string(not(containsString(participant.getFullName()))));
		}

	}

	private static RequestPostProcessor as(Account account) {
		return user(Clinic.signedIn(account));
	}

}
