package org.iopscheduler.system;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a load balancer and an operator rely on: open health probes, bounded request
 * bodies, a shutdown limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTest {

	@LocalServerPort
	int port;

	@Autowired
	People people;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Nested
	class HealthProbes {

		@Test
		void livenessAnswersUpWithoutSigningIn() throws Exception {
			HttpResponse<String> response = get("/actuator/health/liveness");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"");
		}

		@Test
		void readinessAnswersUpWithoutSigningIn() throws Exception {
			HttpResponse<String> response = get("/actuator/health/readiness");
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).contains("\"status\":\"UP\"");
		}

		@Test
		void probesTellNothingAboutTheDatabase() throws Exception {
			assertThat(get("/actuator/health/readiness").body()).doesNotContain("db", "H2", "PostgreSQL");
		}

	}

	@Nested
	class RequestBodies {

		@Test
		void aDeclaredBodyAboveTheLimitIsRefusedBeforeSignIn() throws Exception {
			HttpResponse<String> response = send(
					post("/api/programs", null).POST(BodyPublishers.ofString(json(70_000))));
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).contains("64 KB");
		}

		@Test
		void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
			byte[] body = json(70_000).getBytes(StandardCharsets.UTF_8);
			HttpResponse<String> response = send(post("/api/programs", coordinator())
				.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
			assertThat(response.statusCode()).isEqualTo(413);
		}

		@Test
		void aChunkedBodyUnderTheLimitReachesTheService() throws Exception {
			byte[] body = "{\"name\":\"Chunked\",\"population\":\"ADULT\",\"timeZone\":\"America/Chicago\"}"
				.getBytes(StandardCharsets.UTF_8);
			HttpResponse<String> response = send(post("/api/programs", coordinator())
				.POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
			assertThat(response.statusCode()).isEqualTo(201);
			assertThat(response.body()).contains("\"minimumWeeklyMinutes\":540");
		}

		@Test
		void aBodyJustUnderTheLimitIsJudgedByTheFieldRules() throws Exception {
			HttpResponse<String> response = send(
					post("/api/programs", coordinator()).POST(BodyPublishers.ofString(json(60_000))));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("name");
		}

	}

	@Nested
	class Shutdown {

		@Value("${server.shutdown}")
		String mode;

		@Value("${spring.lifecycle.timeout-per-shutdown-phase}")
		Duration limit;

		@Test
		void requestsInFlightMayFinishForABoundedTime() {
			assertThat(mode).isEqualTo("graceful");
			assertThat(limit).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
		}

	}

	private String coordinator() {
		String username = "ops-" + System.nanoTime();
		people.createStaff(username, "operations-pw", "Ops", Role.COORDINATOR);
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":operations-pw").getBytes(StandardCharsets.UTF_8));
	}

	private static String json(int nameLength) {
		return "{\"name\":\"" + "n".repeat(nameLength) + "\",\"population\":\"ADULT\",\"timeZone\":\"UTC\"}";
	}

	private HttpRequest.Builder post(String path, String authorization) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30));
		return authorization == null ? builder : builder.header("Authorization", authorization);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
