package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served /v3/api-docs describes the whole API: who may call it, its error answers,
 * what each call does.
 */
class ApiDocumentationTest extends ApplicationTest {

	private JsonNode document;

	/**
	 * Fetched without credentials: the description is open, as the health endpoint is.
	 */
	@BeforeEach
	void fetchTheDocument() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		document = JsonMapper.builder().build().readTree(response.body());
	}

	@Test
	void everyApiOperationNeedsHttpBasic() {
		JsonNode scheme = document.at("/components/securitySchemes/" + ApiDocumentation.BASIC);
		assertThat(scheme.path("type").asString()).isEqualTo("http");
		assertThat(scheme.path("scheme").asString()).isEqualTo("basic");
		assertThat(apiOperations()).isNotEmpty()
			.allSatisfy(op -> assertThat(op.node().path("security").toString()).as(op.name())
				.isEqualTo("[{\"" + ApiDocumentation.BASIC + "\":[]}]"));
	}

	@Test
	void theDescriptionHoldsTheApiAndNoPagePaths() {
		assertThat(document.path("paths").propertyNames()).isNotEmpty()
			.allMatch(path -> path.startsWith("/api/") || path.startsWith("/feeds/"));
	}

	/** A calendar app cannot sign in: the feed's secret address is its only key. */
	@Test
	void aCalendarFeedNeedsNoSignIn() {
		JsonNode feed = document.at("/paths/~1feeds~1{token}.ics/get");
		assertThat(feed.isMissingNode()).isFalse();
		assertThat(feed.path("security").toString()).isEqualTo("[]");
		assertThat(feed.at("/responses/200/content").propertyNames()).containsExactly("text/calendar");
	}

	@Test
	void everyOperationHasASummary() {
		assertThat(operations())
			.allSatisfy(op -> assertThat(op.node().path("summary").asString()).as(op.name()).isNotBlank());
	}

	/**
	 * springdoc leaves out the 200 of a method that declares other answers
	 * with @ApiResponse; declare it too.
	 */
	@Test
	void everyOperationDocumentsItsSuccess() {
		assertThat(operations()).allSatisfy(op -> assertThat(op.node().path("responses").propertyNames()).as(op.name())
			.anyMatch(code -> code.startsWith("2")));
	}

	@Test
	void everyApiOperationDocuments400To404AsProblems() {
		assertThat(apiOperations()).allSatisfy(op -> {
			for (String code : List.of("400", "401", "403", "404")) {
				assertProblem(op, code);
			}
		});
	}

	@Test
	void refusalsForConflictsAndClinicalRulesAreDocumentedWhereTheyHappen() {
		assertProblem(operation("post", "/api/staff"), "409");
		assertProblem(operation("post", "/api/programs"), "422");
		assertProblem(operation("post", "/api/programs/{programId}/enrollments"), "409");
		assertProblem(operation("post", "/api/programs/{programId}/enrollments"), "422");
		assertProblem(operation("put", "/api/sessions/{sessionId}/attendance/{participantId}"), "422");
		assertThat(operation("get", "/api/programs").node().path("responses").has("409")).isFalse();
	}

	@Test
	void everyChangeThatHonoursIfMatchDocumentsTheHeaderIts412AndTheNewETag() {
		for (String change : List.of("put /api/programs/{id}", "put /api/blocks/{id}", "post /api/blocks/{id}/end",
				"put /api/enrollments/{id}/blocks", "post /api/enrollments/{id}/discharge")) {
			Op op = operation(change.split(" ")[0], change.split(" ")[1]);
			JsonNode ifMatch = null;
			for (JsonNode parameter : op.node().path("parameters")) {
				if (parameter.path("name").asString().equals("If-Match")) {
					ifMatch = parameter;
				}
			}
			assertThat(ifMatch).as(change + " takes If-Match").isNotNull();
			assertThat(ifMatch.path("in").asString()).isEqualTo("header");
			assertThat(ifMatch.path("required").asBoolean()).as("If-Match is optional").isFalse();
			assertThat(ifMatch.at("/schema/type").asString()).isEqualTo("string");
			assertProblem(op, "412");
			assertThat(op.node().at("/responses/200/headers/ETag").isMissingNode()).as(change + " answers an ETag")
				.isFalse();
		}
		for (String read : List.of("/api/programs/{id}", "/api/blocks/{id}", "/api/enrollments/{id}")) {
			assertThat(operation("get", read).node().at("/responses/200/headers/ETag").isMissingNode())
				.as("get " + read + " answers an ETag")
				.isFalse();
		}
		assertThat(document.at("/components/schemas/IfMatch").isMissingNode()).isTrue();
	}

	@Test
	void theProblemSchemaHasTheRfc9457Members() {
		JsonNode problem = document.at("/components/schemas/" + ApiDocumentation.PROBLEM);
		assertThat(problem.path("properties").propertyNames()).contains("type", "title", "status", "detail",
				"instance");
		assertThat(problem.path("required").toString()).contains("\"type\"", "\"title\"", "\"status\"", "\"detail\"");
	}

	@Test
	void infoNamesTheServiceItsVersionAndLicence() {
		JsonNode info = document.path("info");
		assertThat(info.path("title").asString()).isEqualTo("IOP Scheduler API");
		// springdoc's placeholders when nothing is configured
		assertThat(info.path("version").asString()).isNotBlank().isNotEqualTo("v0");
		assertThat(info.path("license").path("name").asString()).isNotBlank();
		assertThat(info.path("description").asString()).isNotBlank();
	}

	private void assertProblem(Op op, String code) {
		JsonNode response = op.node().path("responses").path(code);
		assertThat(response.path("description").asString()).as(op.name() + " " + code).isNotBlank();
		assertThat(response.at("/content/application~1problem+json/schema/$ref").asString()).as(op.name() + " " + code)
			.isEqualTo("#/components/schemas/" + ApiDocumentation.PROBLEM);
	}

	private Op operation(String method, String path) {
		return operations().stream()
			.filter(op -> op.name().equals(method + " " + path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + method + " " + path + " in the document"));
	}

	private List<Op> apiOperations() {
		return operations().stream().filter(op -> op.name().contains(" /api/")).toList();
	}

	private List<Op> operations() {
		List<Op> found = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (List.of("get", "put", "post", "delete", "patch", "head", "options").contains(method.getKey())) {
					found.add(new Op(method.getKey() + " " + path.getKey(), method.getValue()));
				}
			}
		}
		assertThat(found).as("operations in the document").hasSizeGreaterThan(30);
		return found;
	}

	private record Op(String name, JsonNode node) {
	}

}
