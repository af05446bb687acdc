package org.iopscheduler.support;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The whole application on a random port with an in-memory database and a clock the test
 * sets. "Now" is Wednesday 25 November 2026, 12:00 UTC (week 2026-W48) unless a test
 * moves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "iop.bootstrap-coordinator=" + ApplicationTest.ADMIN + ":" + ApplicationTest.ADMIN_PASSWORD)
@Import(ApplicationTest.TestClock.class)
public abstract class ApplicationTest {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "admin-password-1";

	public static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	protected int port;

	@Autowired
	protected MutableClock clock;

	protected Api coordinator;

	@TestConfiguration(proxyBeanMethods = false)
	public static class TestClock {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock(NOW);
		}

	}

	@BeforeEach
	void signInAndResetTheClock() {
		clock.set(NOW);
		coordinator = new Api(port, ADMIN, ADMIN_PASSWORD);
	}

	protected static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
	}

	protected long program(String population, String zone) {
		return created(coordinator.post("/api/programs",
				Api.body("name", unique("Program "), "population", population, "timeZone", zone)));
	}

	/** A counselor, and a client signed in as them. */
	protected Person counselor() {
		String username = unique("counselor");
		long id = created(coordinator.post("/api/staff", Api.body("username", username, "password", "pw-" + username,
				"fullName", "Casey " + username, "role", "COUNSELOR")));
		return new Person(id, coordinator.as(username, "pw-" + username));
	}

	protected Person participant() {
		String username = unique("participant");
		long id = created(coordinator.post("/api/participants", Api.body("username", username, "password",
				"pw-" + username, "fullName", "Pat " + username, "dateOfBirth", "1990-04-12")));
		return new Person(id, coordinator.as(username, "pw-" + username));
	}

	protected long block(long programId, long counselorId, String day, String start, int minutes, Object... extra) {
		var body = Api.body("type", "GROUP", "title", "Group " + day, "dayOfWeek", day, "startTime", start,
				"durationMinutes", minutes, "counselorId", counselorId, "location", "Room 1");
		for (int i = 0; i < extra.length; i += 2) {
			body.put((String) extra[i], extra[i + 1]);
		}
		return created(coordinator.post("/api/programs/" + programId + "/blocks", body));
	}

	protected Api.Reply enrol(long programId, long participantId, String startDate, List<Long> blocks) {
		return coordinator.post("/api/programs/" + programId + "/enrollments",
				Api.body("participantId", participantId, "startDate", startDate, "blockIds", blocks));
	}

	protected static long created(Api.Reply reply) {
		if (reply.status() != 201) {
			throw new AssertionError("expected 201, got " + reply);
		}
		return reply.id();
	}

	public record Person(long id, Api api) {
	}

}
