package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

/** The problem JSON written where no controller advice reaches. */
class ProblemsTest {

	@Test
	void quotesBackslashesAndControlCharactersInADetailOrPathStayValidJson() {
		String detail = "name: \"Pat\" \\ said\nhi\t\u0001";
		String instance = "/api/x\"y\u0000";
		JsonNode problem = JsonMapper.builder().build().readTree(Problems.json("Bad Request", 400, detail, instance));
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("title").asString()).isEqualTo("Bad Request");
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isEqualTo(detail);
		assertThat(problem.get("instance").asString()).isEqualTo(instance);
	}

	@Test
	void withoutAnInstanceTheProblemHasNone() {
		JsonNode problem = JsonMapper.builder().build().readTree(Problems.json("Error", 599, "refused", null));
		assertThat(problem.has("instance")).isFalse();
		assertThat(problem.get("status").asInt()).isEqualTo(599);
	}

}
