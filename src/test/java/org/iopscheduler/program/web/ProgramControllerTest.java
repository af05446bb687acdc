package org.iopscheduler.program.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;

import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.RuleViolation;
import org.iopscheduler.system.SecurityConfiguration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/** The web edge of programs alone: binding, validation, status codes, roles. */
@WebMvcTest(ProgramController.class)
@Import(SecurityConfiguration.class)
class ProgramControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Programs programs;

	@MockitoBean
	UserDetailsService users;

	static Program evening() {
		Program program = Program.create("Evening IOP", Population.ADULT, "America/New_York", null, Instant.EPOCH);
		ReflectionTestUtils.setField(program, "id", 7L);
		return program;
	}

	@Test
	void aCoordinatorCreatesAProgramAndGetsItBackWithItsDefaultMinimum() throws Exception {
		given(programs.create(eq("Evening IOP"), eq(Population.ADULT), eq("America/New_York"), any(), any(), any()))
			.willReturn(evening());
		mvc.perform(post("/api/programs").with(user("c").roles("COORDINATOR"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"Evening IOP\",\"population\":\"ADULT\",\"timeZone\":\"America/New_York\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(7))
			.andExpect(jsonPath("$.minimumWeeklyMinutes").value(540))
			.andExpect(jsonPath("$.contactTitle").value("Appointment"))
			.andExpect(jsonPath("$.contactClinicName").doesNotExist());
	}

	@Test
	void counselorsReadPrograms() throws Exception {
		given(programs.all()).willReturn(List.of(evening()));
		mvc.perform(get("/api/programs").with(user("d").roles("COUNSELOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("Evening IOP"));
	}

	@Nested
	class Refusals {

		@Test
		void aMissingNameIsA400NamingTheField() throws Exception {
			mvc.perform(post("/api/programs").with(user("c").roles("COORDINATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"population\":\"ADULT\",\"timeZone\":\"UTC\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("name")));
		}

		@Test
		void aDomainRuleBecomesA422WithItsMessage() throws Exception {
			given(programs.create(any(), any(), any(), any(), any(), any())).willThrow(
					new RuleViolation("minimumWeeklyMinutes 500 is below the ADULT floor of 540 minutes a week"));
			mvc.perform(post("/api/programs").with(user("c").roles("COORDINATOR"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"x\",\"population\":\"ADULT\",\"timeZone\":\"UTC\",\"minimumWeeklyMinutes\":500}"))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("540")));
		}

		@Test
		void aParticipantIsForbidden() throws Exception {
			mvc.perform(get("/api/programs").with(user("p").roles("PARTICIPANT")))
				.andExpect(status().isForbidden())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		}

		@Test
		void anonymousCallersAreUnauthorized() throws Exception {
			mvc.perform(get("/api/programs")).andExpect(status().isUnauthorized());
		}

	}

}
