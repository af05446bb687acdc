package org.iopscheduler.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.iopscheduler.IopSchedulerApplication;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The served OpenAPI description (/v3/api-docs): who we are, HTTP Basic on /api/**, and
 * the error answers every API operation shares, added here once rather than on each
 * controller method. An operation that can also answer 409 or 422 says so on its method
 * with {@code @ApiResponse}; this gives it the problem body.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String BASIC = "basicAuth";

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	// the contract's meaning of each status (api-contract.md, Conventions), answered by
	// every /api operation
	private static final Map<String, String> COMMON = Map.of("400",
			"Malformed JSON, or a missing or invalid field or parameter; detail names it", "401",
			"Not signed in, or a wrong username or password (HTTP Basic)", "403",
			"Signed in, but the role may not do this", "404", "Unknown id, or a record the caller may not know exists");

	private static final Map<String, String> OTHERS = Map.of("409",
			"Conflicts with existing data; detail names the other record", "422",
			"Well-formed but breaks a clinical rule; detail names the rule and the numbers");

	@Bean
	OpenAPI iopOpenApi(@Value("${iop.api.license-name:Proprietary}") String licenseName,
			@Value("${iop.api.license-url:}") String licenseUrl) {
		License license = new License().name(licenseName);
		if (!licenseUrl.isBlank()) {
			license.url(licenseUrl);
		}
		return new OpenAPI()
			.info(new Info().title("IOP Scheduler API")
				.version(version())
				.description("Scheduling, attendance and the weekly dose for intensive outpatient addiction-treatment "
						+ "programs. JSON in and out; errors are RFC 9457 problem details (application/problem+json). "
						+ "Every /api operation needs HTTP Basic; /actuator/health and these documents are open.")
				.contact(new Contact().name("IOP Scheduler maintainers"))
				.license(license))
			.components(new Components().addSecuritySchemes(BASIC,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("The account's username and password; the web pages use form login instead")));
	}

	/**
	 * Runs on the generated document: springdoc has already read the controllers'
	 * annotations. The Problem schema is added here, not on the bean above: springdoc
	 * drops component schemas nothing refers to before this runs.
	 */
	@Bean
	OpenApiCustomizer commonApiAnswers() {
		return openApi -> {
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths()
				.forEach((path, item) -> item.readOperations().forEach(operation -> answers(path, operation)));
		};
	}

	private static void answers(String path, Operation operation) {
		if (path.startsWith("/api/")) {
			operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
			COMMON.forEach((code, description) -> addIfAbsent(operation, code, description));
		}
		if (operation.getResponses() == null) {
			return;
		}
		// an error declared on a method (409, 422) gets the one problem shape too
		operation.getResponses().forEach((code, response) -> {
			if (code.startsWith("4") || code.startsWith("5")) {
				asProblem(response, OTHERS.getOrDefault(code, response.getDescription()));
			}
		});
	}

	private static void addIfAbsent(Operation operation, String code, String description) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		operation.getResponses().computeIfAbsent(code, c -> new ApiResponse().description(description));
	}

	private static void asProblem(ApiResponse response, String fallbackDescription) {
		if (response.getDescription() == null || response.getDescription().isBlank()) {
			response.setDescription(fallbackDescription);
		}
		response.setContent(new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type",
					new StringSchema().format("uri-reference")
						.description("Identifies the kind of problem; about:blank when the status says it all")
						.example("about:blank"))
			.addProperty("title", new StringSchema().description("Short summary of the status").example("Conflict"))
			.addProperty("status", new IntegerSchema().description("The HTTP status").example(409))
			.addProperty("detail",
					new StringSchema().description("What was wrong, in plain words: field, rule, numbers")
						.example("username 'dana' is already taken"))
			.addProperty("instance",
					new StringSchema().format("uri-reference")
						.description("The request path this problem is about")
						.example("/api/staff"))
			.addProperty("rule",
					new StringSchema().description("The rule that refused the request, as a stable code")
						.example("plan.below-minimum"))
			.addProperty("field",
					new StringSchema().description("The request field the refusal is about, when there is one")
						.example("blockIds"))
			.addProperty("facts",
					new ObjectSchema().description("The numbers behind the refusal, by name")
						.additionalProperties(true)
						.example(java.util.Map.of("plannedMinutes", 480, "minimumMinutes", 540)))
			.required(List.of("type", "title", "status", "detail"));
	}

	// the jar's manifest carries the Maven version; classes run from target/classes
	// (tests) have none
	private static String version() {
		return Optional.ofNullable(IopSchedulerApplication.class.getPackage().getImplementationVersion())
			.orElse("development");
	}

}
