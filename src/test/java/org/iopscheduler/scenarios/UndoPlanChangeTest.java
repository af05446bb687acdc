package org.iopscheduler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DELETE /api/enrollments/{id}/plan-changes/{date}: a scheduled plan change can be taken
 * back; the plan before it runs on, later changes stay, and what has been lived cannot be
 * undone. Today is Wed 2026-11-25.
 */
class UndoPlanChangeTest extends ApplicationTest {

	long program;

	List<Long> plan;

	long extra;

	long enrollment;

	String path;

	@BeforeEach
	void enrolled() {
		program = program("ADULT", "America/New_York");
		long counselor = counselor().id();
		plan = List.of(block(program, counselor, "MONDAY", "09:00", 180),
				block(program, counselor, "TUESDAY", "09:00", 180),
				block(program, counselor, "THURSDAY", "09:00", 180));
		extra = block(program, counselor, "FRIDAY", "09:00", 180);
		enrollment = created(enrol(program, participant().id(), "2026-11-16", plan));
		path = "/api/enrollments/" + enrollment;
	}

	Api.Reply change(String from, List<Long> blocks) {
		return coordinator.put(path + "/blocks", Api.body("blockIds", blocks, "effectiveFrom", from));
	}

	static List<String> starts(JsonNode enrollment) {
		List<String> starts = new ArrayList<>();
		enrollment.get("timeline").forEach(s -> starts.add(s.get("from").asString()));
		return starts;
	}

	@Test
	void undoingAScheduledChangeLetsTheEarlierPlanRunOnAndKeepsLaterChanges() {
		List<Long> more = List.of(plan.get(0), plan.get(1), plan.get(2), extra);
		assertThat(change("2026-12-07", more).status()).isEqualTo(200);
		assertThat(change("2026-12-21", plan.subList(0, 3)).status()).isEqualTo(200);
		assertThat(change("2027-01-04", more).status()).isEqualTo(200);

		Api.Reply undone = coordinator.delete(path + "/plan-changes/2026-12-21");

		assertThat(undone.status()).isEqualTo(200);
		assertThat(undone.header("ETag")).isEqualTo(coordinator.get(path).header("ETag"));
		// 7 Dec's plan now runs on to 4 Jan, whose change stays (and merges with it)
		assertThat(starts(undone.json())).containsExactly("2026-11-16", "2026-12-07");
		assertThat(undone.json().get("timeline").get(1).get("plannedWeeklyMinutes").asInt()).isEqualTo(720);
	}

	@Test
	void undoingTheOnlyScheduledChangeRestoresThePlanAsEnrolled() {
		assertThat(change("2026-12-07", List.of(plan.get(0), plan.get(1), extra)).status()).isEqualTo(200);

		Api.Reply undone = coordinator.delete(path + "/plan-changes/2026-12-07");

		assertThat(undone.status()).isEqualTo(200);
		assertThat(starts(undone.json())).containsExactly("2026-11-16");
		assertThat(undone.json().get("timeline").get(0).get("to").isNull()).isTrue();
	}

	@Test
	void aChangeThatHasTakenEffectCannotBeUndone() {
		assertThat(change("2026-11-23", List.of(plan.get(0), plan.get(1), extra)).status()).isEqualTo(200);

		Api.Reply refused = coordinator.delete(path + "/plan-changes/2026-11-23");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).startsWith("date:").contains("2026-11-23");
		assertThat(starts(coordinator.get(path).json())).containsExactly("2026-11-16", "2026-11-23");
	}

	@Test
	void aDateWithNoChangeIs404() {
		Api.Reply missing = coordinator.delete(path + "/plan-changes/2026-12-08");

		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().get("detail").asString()).contains("no plan change on 2026-12-08");
	}

	@Test
	void aStaleIfMatchIs412AndUndoesNothing() {
		String loaded = coordinator.get(path).header("ETag");
		assertThat(change("2026-12-07", List.of(plan.get(0), plan.get(1), extra)).status()).isEqualTo(200);

		Api.Reply stale = coordinator.send("DELETE", path + "/plan-changes/2026-12-07", null,
				Map.of("If-Match", loaded));

		assertThat(stale.status()).isEqualTo(412);
		assertThat(starts(coordinator.get(path).json())).containsExactly("2026-11-16", "2026-12-07");
	}

	@Test
	void undoingIsRefusedWhenTheEarlierPlansBlockIsFullByThen() {
		long counselor = counselor().id();
		long small = block(program, counselor, "WEDNESDAY", "09:00", 180, "capacity", 1);
		List<Long> withSmall = List.of(plan.get(0), plan.get(1), small);
		long other = created(enrol(program, participant().id(), "2026-11-16", withSmall));
		// the other participant leaves the small group on 7 Dec and this one takes the
		// place
		assertThat(coordinator
			.put("/api/enrollments/" + other + "/blocks", Api.body("blockIds", plan, "effectiveFrom", "2026-12-07"))
			.status()).isEqualTo(200);
		assertThat(change("2026-12-07", withSmall).status()).isEqualTo(200);

		Api.Reply refused = coordinator.delete("/api/enrollments/" + other + "/plan-changes/2026-12-07");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(starts(coordinator.get("/api/enrollments/" + other).json())).containsExactly("2026-11-16",
				"2026-12-07");
	}

}
