package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.iopscheduler.support.Clinic;
import org.iopscheduler.people.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** Secure headers, session fixation protection and CSRF on the pages. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Clinic.class)
class WebSecurityTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clinic clinic;

	@Nested
	class SecureHeadersOnEveryResponse {

		@Test
		void apiResponsesForbidFramingSniffingCachingAndLoadingAnything() throws Exception {
			commonHeaders(mvc.perform(get("/api/programs").with(user("c").roles("COORDINATOR"))))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"));
		}

		@Test
		void refusalsCarryThemToo() throws Exception {
			commonHeaders(mvc.perform(get("/api/programs"))).andExpect(status().isUnauthorized());
		}

		@Test
		void pagesMayLoadScriptsStylesAndWebJarsFromTheirOwnOriginOnly() throws Exception {
			commonHeaders(mvc.perform(get("/actuator/health"))).andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy", SecureHeaders.PAGES_POLICY))
				.andExpect(header().string("Content-Security-Policy",
						Matchers.allOf(Matchers.containsString("script-src 'self';"),
								Matchers.containsString("style-src 'self';"),
								Matchers.containsString("frame-ancestors 'none'"),
								Matchers.not(Matchers.containsString("unsafe")))));
		}

		@Test
		void httpsResponsesTellBrowsersToStayOnHttps() throws Exception {
			mvc.perform(get("/actuator/health").secure(true))
				.andExpect(header().string("Strict-Transport-Security", Matchers.startsWith("max-age=")));
		}

		private ResultActions commonHeaders(ResultActions response) throws Exception {
			return response.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("X-Frame-Options", "DENY"))
				.andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
				.andExpect(header().string("Referrer-Policy", "same-origin"))
				.andExpect(header().string("Permissions-Policy", Matchers.containsString("camera=()")))
				.andExpect(header().string("Cross-Origin-Opener-Policy", "same-origin"));
		}

	}

	@Nested
	class SessionFixationProtection {

		/**
		 * Page sessions live in the database (Spring Session JDBC) and travel in the
		 * SESSION cookie: the one a visitor had before signing in is replaced at sign-in.
		 */
		@Test
		void theSessionIdChangesAtSignIn() throws Exception {
			Account coordinator = clinic.coordinator();
			// a session handed out before sign-in (one an attacker could have planted)
			Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
			assertThat(before).as("the sign-in page's session (it holds the CSRF token)").isNotNull();

			MvcResult signIn = mvc
				.perform(post("/login").cookie(before)
					.param("username", coordinator.getUsername())
					.param("password", Clinic.PASSWORD)
					.with(csrf()))
				.andExpect(redirectedUrl("/"))
				.andReturn();

			Cookie after = signIn.getResponse().getCookie("SESSION");
			assertThat(after).isNotNull();
			assertThat(after.getValue()).isNotEqualTo(before.getValue());
			// the planted id no longer opens a signed-in page
			mvc.perform(get("/programs").cookie(before)).andExpect(status().is3xxRedirection());
			mvc.perform(get("/programs").cookie(after)).andExpect(status().isOk());
		}

	}

	@Nested
	class CsrfOnForms {

		@Test
		void aPagePostWithoutTheTokenIsRefused() throws Exception {
			mvc.perform(post("/programs").with(user("c").roles("COORDINATOR"))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("name", "x")).andExpect(status().isForbidden());
		}

		@Test
		void aPagePostWithTheTokenGetsPastTheCheck() throws Exception {
			mvc.perform(post("/programs").with(user("c").roles("COORDINATOR"))
				.with(csrf())
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("name", "x")).andExpect(status().is(Matchers.not(403)));
		}

		@Test
		void signingInWithoutTheTokenIsRefused() throws Exception {
			Account coordinator = clinic.coordinator();
			mvc.perform(post("/login").param("username", coordinator.getUsername()).param("password", Clinic.PASSWORD))
				.andExpect(status().isForbidden());
		}

		@Test
		void theStatelessApiNeedsNoToken() throws Exception {
			Account coordinator = clinic.coordinator();
			mvc.perform(post("/api/programs").with(httpBasic(coordinator.getUsername(), Clinic.PASSWORD))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + Clinic.unique("P") + "\",\"population\":\"ADULT\",\"timeZone\":\"UTC\"}"))
				.andExpect(status().isCreated());
		}

	}

}
