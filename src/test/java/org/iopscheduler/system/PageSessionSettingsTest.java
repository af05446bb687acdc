package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.iopscheduler.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The prod profile's session settings (application-prod.properties: a cookie sent only
 * over HTTPS, a quarter of an hour without a request signs out) hold for the page
 * sessions kept in the database, on the embedded server the jar runs.
 */
@TestPropertySource(properties = { "server.servlet.session.timeout=15m", "server.servlet.session.cookie.secure=true" })
class PageSessionSettingsTest extends ApplicationTest {

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theProdCookieAndTimeoutApplyToPageSessionsInTheDatabase() throws Exception {
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
					HttpResponse.BodyHandlers.ofString());

		List<String> cookies = page.headers().allValues("Set-Cookie");
		String session = cookies.stream().filter(c -> c.startsWith("SESSION=")).findFirst().orElseThrow();
		assertThat(session).contains("; Secure").contains("; HttpOnly").containsIgnoringCase("SameSite=Lax");
		String id = new String(Base64.getDecoder().decode(session.substring("SESSION=".length(), session.indexOf(';'))),
				StandardCharsets.UTF_8);
		assertThat(jdbc.queryForObject("select max_inactive_interval from spring_session where session_id = ?",
				Long.class, id))
			.isEqualTo(15 * 60L);
	}

}
