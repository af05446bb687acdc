package org.iopscheduler.system;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
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
			entityTags(openApi);
			openApi.getPaths()
				.forEach((path, item) -> item.readOperations().forEach(operation -> answers(path, operation)));
		};
	}

	private static final String IF_MATCH = org.springframework.http.HttpHeaders.IF_MATCH;

	/**
	 * A change that takes If-Match (a {@code @RequestHeader IfMatch}) documents it as the
	 * text header it is, its 412 and the new ETag; the GET of the record it changes (its
	 * path, or the path without the last segment for /blocks, /end, /discharge) answers
	 * the ETag.
	 */
	private static void entityTags(OpenAPI openApi) {
		Set<String> tagged = openApi.getPaths()
			.entrySet()
			.stream()
			.filter(path -> path.getValue().readOperations().stream().anyMatch(ApiDocumentation::takesIfMatch))
			.map(path -> path.getKey().endsWith("}") ? path.getKey()
					: path.getKey().substring(0, path.getKey().lastIndexOf('/')))
			.collect(Collectors.toSet());
		openApi.getPaths().forEach((path, item) -> {
			for (Operation operation : item.readOperations()) {
				if (takesIfMatch(operation)) {
					operation.getParameters().stream().filter(ApiDocumentation::isIfMatch).forEach(p -> {
						p.schema(new StringSchema().example("\"3-1a2b3c4d\""));
						p.description("The ETag the record was read with (or *): a change of a record that has changed "
								+ "since is refused with 412 and changes nothing; without it the change proceeds. "
								+ "Malformed is 400.");
					});
					operation.getResponses()
						.computeIfAbsent("412", c -> new ApiResponse().description(
								"If-Match names an older version: the record was changed since; detail says what it reads now"));
					withETag(operation);
				}
			}
			PathItem read = tagged.contains(path) ? item : null;
			if (read != null && read.getGet() != null) {
				withETag(read.getGet());
			}
		});
		if (openApi.getComponents().getSchemas() != null) {
			openApi.getComponents().getSchemas().remove("IfMatch");
		}
	}

	private static boolean takesIfMatch(Operation operation) {
		return operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(ApiDocumentation::isIfMatch);
	}

	private static boolean isIfMatch(Parameter parameter) {
		return IF_MATCH.equalsIgnoreCase(parameter.getName()) && "header".equals(parameter.getIn());
	}

	private static void withETag(Operation operation) {
		operation.getResponses()
			.entrySet()
			.stream()
			.filter(r -> r.getKey().startsWith("2"))
			.forEach(r -> r.getValue()
				.addHeaderObject("ETag", new Header()
					.description(
							"The record's strong entity tag, \"<version>-<digest of this representation>\"; send it "
									+ "back in If-Match to change the record")
					.schema(new StringSchema())));
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
					new ObjectSchema()
						.description("The numbers behind the refusal, by name, e.g. "
								+ "{\"plannedMinutes\": 480, \"minimumMinutes\": 540}")
						.additionalProperties(true))
			.required(List.of("type", "title", "status", "detail"));
	}

	// the jar's manifest carries the Maven version; classes run from target/classes
	// (tests) have none
	private static String version() {
		return Optional.ofNullable(IopSchedulerApplication.class.getPackage().getImplementationVersion())
			.orElse("development");
	}

}
