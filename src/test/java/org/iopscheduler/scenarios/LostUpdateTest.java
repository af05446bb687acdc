package org.iopscheduler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No lost updates: programs, blocks and enrollments answer an ETag, and a change that
 * names an older one in If-Match is refused (412) and changes nothing.
 */
class LostUpdateTest extends ApplicationTest {

	long program;

	long counselor;

	List<Long> plan;

	long extra;

	@BeforeEach
	void clinic() {
		program = program("ADULT", "America/New_York");
		counselor = counselor().id();
		plan = List.of(block(program, counselor, "MONDAY", "09:00", 180),
				block(program, counselor, "TUESDAY", "09:00", 180),
				block(program, counselor, "THURSDAY", "09:00", 180));
		extra = block(program, counselor, "FRIDAY", "09:00", 180);
	}

	Api.Reply send(String method, String path, Object body, String ifMatch) {
		return coordinator.send(method, path, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
	}

	String etag(String path) {
		Api.Reply reply = coordinator.get(path);
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.header("ETag")).as("ETag of " + path).matches("\"\\d+-[0-9a-f]{8}\"");
		return reply.header("ETag");
	}

	long enrollment() {
		return created(enrol(program, participant().id(), "2026-11-23", plan));
	}

	@Test
	void aStaleIfMatchOnAProgramIs412AndChangesNothing() {
		String path = "/api/programs/" + program;
		String loaded = etag(path);
		assertThat(send("PUT", path, Api.body("name", "Evening IOP"), loaded).status()).isEqualTo(200);

		Api.Reply stale = send("PUT", path, Api.body("minimumWeeklyMinutes", 600), loaded);

		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(stale.json().get("detail").asString()).contains("program " + program)
			.contains("was changed after you loaded it")
			.contains("name 'Evening IOP'");
		assertThat(coordinator.get(path).json().get("minimumWeeklyMinutes").asInt()).isEqualTo(540);
	}

	@Test
	void aCurrentIfMatchSucceedsAndAnswersTheNewETagAGetThenGives() {
		String path = "/api/programs/" + program;
		Api.Reply changed = send("PUT", path, Api.body("minimumWeeklyMinutes", 600), etag(path));

		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.header("ETag")).isEqualTo(etag(path)).isNotEqualTo(null);

		String blockPath = "/api/blocks/" + extra;
		String before = etag(blockPath);
		Api.Reply moved = send("PUT", blockPath, Api.body("startTime", "13:00", "effectiveFrom", "2026-11-30"), before);
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.header("ETag")).isEqualTo(etag(blockPath)).isNotEqualTo(before);
	}

	@Test
	void aStaleIfMatchOnABlockChangeOrEndIs412AndChangesNothing() {
		String path = "/api/blocks/" + extra;
		String loaded = etag(path);
		// a change of the same date redefines a dated version in place: the tag changes
		// too
		assertThat(send("PUT", path, Api.body("location", "Room 7", "effectiveFrom", "2026-11-30"), null).status())
			.isEqualTo(200);
		assertThat(send("PUT", path, Api.body("location", "Room 8", "effectiveFrom", "2026-11-30"), null).status())
			.isEqualTo(200);
		String secondLoad = etag(path);
		assertThat(
				send("PUT", path, Api.body("location", "Room 9", "effectiveFrom", "2026-11-30"), secondLoad).status())
			.isEqualTo(200);

		Api.Reply staleChange = send("PUT", path, Api.body("startTime", "15:00"), secondLoad);
		Api.Reply staleEnd = send("POST", path + "/end", Api.body("date", "2026-12-07"), loaded);

		assertThat(staleChange.status()).isEqualTo(412);
		assertThat(staleChange.json().get("detail").asString()).contains("block " + extra).contains("Room 9");
		assertThat(staleEnd.status()).isEqualTo(412);
		Api.Reply now = coordinator.get(path);
		assertThat(now.json().get("startTime").asString()).isEqualTo("09:00");
		assertThat(now.json().get("endsOn").isNull()).isTrue();
	}

	@Test
	void aStaleIfMatchOnAPlanChangeOrDischargeIs412AndChangesNothing() {
		long enrollment = enrollment();
		String path = "/api/enrollments/" + enrollment;
		String loaded = etag(path);
		assertThat(send("PUT", path + "/blocks",
				Api.body("blockIds", List.of(plan.get(0), plan.get(1), extra), "effectiveFrom", "2026-12-07"), loaded)
			.status()).isEqualTo(200);

		Api.Reply stalePlan = send("PUT", path + "/blocks", Api.body("blockIds", plan, "effectiveFrom", "2026-11-30"),
				loaded);
		Api.Reply staleDischarge = send("POST", path + "/discharge",
				Api.body("date", "2026-11-27", "reason", "moved away"), loaded);

		assertThat(stalePlan.status()).isEqualTo(412);
		assertThat(stalePlan.json().get("detail").asString()).contains("enrollment " + enrollment)
			.contains("the plan from 2026-12-07");
		assertThat(staleDischarge.status()).isEqualTo(412);
		Api.Reply now = coordinator.get(path);
		assertThat(now.json().get("timeline")).hasSize(2);
		assertThat(now.json().get("dischargeDate").isNull()).isTrue();
		assertThat(now.header("ETag")).isNotEqualTo(loaded);
	}

	@Test
	void anEnrollmentsTagChangesWhenItsMinutesDoThoughTheEnrollmentDidNot() {
		long enrollment = enrollment();
		String path = "/api/enrollments/" + enrollment;
		String loaded = etag(path);
		assertThat(send("PUT", "/api/blocks/" + plan.get(0), Api.body("durationMinutes", 200), null).status())
			.isEqualTo(200);

		assertThat(etag(path)).isNotEqualTo(loaded);
		assertThat(send("POST", path + "/discharge", Api.body("date", "2026-11-27", "reason", "moved away"), loaded)
			.status()).isEqualTo(412);
	}

	@Test
	void noIfMatchOrAStarLetsTheChangeProceedAsBefore() {
		String path = "/api/programs/" + program;
		assertThat(send("PUT", path, Api.body("name", "One"), null).status()).isEqualTo(200);
		assertThat(send("PUT", path, Api.body("name", "Two"), "*").status()).isEqualTo(200);
		assertThat(send("PUT", path, Api.body("name", "Three"), "\"0-00000000\", " + etag(path)).status())
			.isEqualTo(200);
		assertThat(coordinator.get(path).json().get("name").asString()).isEqualTo("Three");
	}

	@Test
	void aWeakTagNeverMatchesAnIfMatch() {
		String path = "/api/programs/" + program;
		assertThat(send("PUT", path, Api.body("name", "Weak"), "W/" + etag(path)).status()).isEqualTo(412);
	}

	@Test
	void aMalformedIfMatchIs400NamingTheHeader() {
		for (String bad : List.of("5", "\"5", "\"5\",", "W/5", "\"a\" \"b\"", "")) {
			Api.Reply reply = send("PUT", "/api/programs/" + program, Api.body("name", "X"), bad);
			assertThat(reply.status()).as("If-Match: " + bad).isEqualTo(400);
			assertThat(reply.json().get("detail").asString()).startsWith("If-Match");
		}
	}

	@Test
	void twoChangesWithTheSameIfMatchAtOnceExactlyOneWins() throws Exception {
		long enrollment = enrollment();
		String blockPath = "/api/blocks/" + extra;
		String planPath = "/api/enrollments/" + enrollment + "/blocks";
		for (int round = 0; round < 4; round++) {
			String blockTag = etag(blockPath);
			List<Integer> blockStatuses = race(List.of(
					() -> send("PUT", blockPath, Api.body("location", "Room A" + System.nanoTime()), blockTag),
					() -> send("PUT", blockPath, Api.body("location", "Room B" + System.nanoTime()), blockTag)));
			assertThat(blockStatuses).as("block, round " + round).containsExactlyInAnyOrder(200, 412);

			String planTag = etag("/api/enrollments/" + enrollment);
			List<Long> other = round % 2 == 0 ? List.of(plan.get(0), plan.get(1), extra) : plan;
			List<Integer> planStatuses = race(List.of(
					() -> send("PUT", planPath, Api.body("blockIds", other, "effectiveFrom", "2026-12-07"), planTag),
					() -> send("PUT", planPath, Api.body("blockIds", other, "effectiveFrom", "2026-12-14"), planTag)));
			assertThat(planStatuses).as("plan, round " + round).containsExactlyInAnyOrder(200, 412);
		}
	}

	static List<Integer> race(List<java.util.concurrent.Callable<Api.Reply>> requests) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Api.Reply>> replies = new ArrayList<>();
		for (var request : requests) {
			replies.add(pool.submit(() -> {
				start.await();
				return request.call();
			}));
		}
		start.countDown();
		List<Integer> statuses = new ArrayList<>();
		for (Future<Api.Reply> reply : replies) {
			statuses.add(reply.get().status());
		}
		pool.shutdown();
		return statuses;
	}

}
