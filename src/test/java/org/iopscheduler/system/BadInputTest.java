package org.iopscheduler.system;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.iopscheduler.calendar.Closures;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.support.ClinicFixture;
import org.iopscheduler.support.ClinicFixture.Clinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several hundred requests that are malformed, oversized, wrong-typed or out of range,
 * sent by a coordinator (who may call everything) to every endpoint under /api. The
 * endpoints are read from the running application, so one added later is covered without
 * touching this test. Each request must be refused with a 4xx and RFC 9457 problem JSON;
 * none may answer 500; and afterwards every table holds exactly what it held before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ClinicFixture.class)
class BadInputTest {

	private static final String PASSWORD = "bad-input-coordinator";

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	/** Out-of-range and wrong-typed path segments (URL-encoded where they need it). */
	private static final List<String> BAD_IDS = List.of("abc", "1.5", "99999999999999999999", "-1", "0", "999999999",
			"1e3", "%20", "null", "%27%20or%201%3D1--", "%00", "%E2%98%83");

	/*
	 * An empty query value is no value (the parameter's default applies), so it is not
	 * among these.
	 */
	private static final List<String> BAD_WEEKS = List.of("2026-W99", "2026-W00", "2026-48", "abc", "1899-W52",
			"0000-W01", "99999-W01", "2026-W4", "2026-W48-1", "%00", "2201-W02", "9998-W01");

	/*
	 * Outside the accepted dates (1900-01-01 to 2200-12-31) as well as malformed: one
	 * rule for every date.
	 */
	private static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "01/02/2026", "yesterday", "%00",
			"1899-12-31", "2201-01-01", "9999-12-31", "%2B999999999-12-31", "-999999999-01-01");

	private static final List<String> BAD_INSTANTS = List.of("yesterday", "2026-11-02", "1899-12-31T23:59:59Z",
			"2201-01-01T00:00:00Z", "%2B999999999-12-31T00:00:00Z", "-999999999-01-01T00:00:00Z");

	private static final List<String> BAD_NUMBERS = List.of("abc", "1.5", "99999999999999999999", "1e3");

	/*
	 * Past every list's last page: accounts skip at most 100000 rows, the audit log
	 * 1000000 pages (page=2147483647 overflowed into a 500 on the account lists).
	 */
	private static final List<String> BAD_PAGES = List.of("2147483647", "1000001", "-1");

	/**
	 * Paths Spring Security's firewall (or Tomcat before it) refuses, whatever follows
	 * them.
	 */
	private static final List<String> REJECTED_PATHS = List.of("/api/programs;jsessionid=1", "/api//programs",
			"/api/programs/%2e%2e/staff", "/api/programs/%2F1", "/api/programs/%5C1", "/api/./programs",
			"/api/programs%3B1");

	/**
	 * If-Match headers that are not "*" or a list of quoted entity tags (RFC 9110
	 * 13.1.1).
	 */
	private static final List<String> BAD_IF_MATCH = List.of("5", "\"5", "W/5", "\"a\" \"b\"", "\"5\",", ",",
			"*, \"5\"", "'5'", "\"5\" ; q=1");

	private static final List<String> BAD_ENUMS = List.of("NOPE", "coordinator", "ROLE_COORDINATOR");

	/** Bodies that are not JSON, or JSON of the wrong shape for any endpoint. */
	private static final List<String> MALFORMED = List.of("", "{", "}", "[", "not json", "{\"a\":}", "[]", "\"text\"",
			"42", "null", "true", "{\"x\":1,}", "{'single':'quotes'}", "\u0000", "\uFEFF{", "{\"a\":1}{\"b\":2}",
			"[".repeat(5_000) + "]".repeat(5_000), "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000), "{\"n\":-0x1F}",
			"{\"n\":NaN}", "{\"n\":01}");

	@LocalServerPort
	int port;

	@Autowired
	ClinicFixture fixture;

	@Autowired
	People people;

	@Autowired
	Closures closures;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private String authorization;

	private Map<String, Long> ids;

	@TestFactory
	List<DynamicTest> everyBadRequestIsRefusedWithProblemJsonAndChangesNothing() throws Exception {
		prepare();
		List<Probe> probes = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : patterns(entry.getKey())) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
					probes.addAll(probes(method.name(), pattern, entry.getValue()));
				}
			}
		}
		for (String path : REJECTED_PATHS) {
			probes.add(new Probe("GET", path, null, null));
			probes.add(new Probe("POST", path, "{}", null));
		}
		assertThat(probes).as("probes").hasSizeGreaterThan(300);
		Map<String, String> before = snapshot();
		List<DynamicTest> tests = new ArrayList<>();
		for (Probe probe : probes) {
			tests.add(DynamicTest.dynamicTest(probe.toString(), () -> refusedWithProblemJson(probe)));
		}
		tests.add(DynamicTest.dynamicTest("no table changed", () -> assertThat(snapshot()).isEqualTo(before)));
		return tests;
	}

	private void prepare() {
		Clinic clinic = fixture.clinic(2);
		long coordinator = people.createStaff("bad-input-" + System.nanoTime(), PASSWORD, "Bad Input", Role.COORDINATOR)
			.getId();
		// a cheap hash: hundreds of signed-in requests would otherwise spend a minute in
		// bcrypt
		jdbc.update("update account set password_hash = ? where id = ?",
				"{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD), coordinator);
		String username = jdbc.queryForObject("select username from account where id = ?", String.class, coordinator);
		authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		long program = clinic.program().getId();
		long closure = closures.close(program, LocalDate.now().plusYears(1).withDayOfYear(1), "new year", coordinator)
			.closure()
			.getId();
		ids = new LinkedHashMap<>();
		ids.put("programs", program);
		ids.put("blocks", clinic.blockId());
		ids.put("sessions", clinic.pastSession().getId());
		ids.put("participants", clinic.participantIds().get(0));
		ids.put("staff", clinic.counselor().getId());
		// a password reset or an unlock of a counselor: every probe of them is refused
		ids.put("accounts", clinic.counselor().getId());
		ids.put("closures", closure);
		ids.put("enrollments",
				jdbc.queryForObject("select min(id) from enrollment where program_id = ?", Long.class, program));
		ids.put("attendance", clinic.participantIds().get(0));
	}

	private List<Probe> probes(String method, String pattern, HandlerMethod handler) {
		List<Probe> probes = new ArrayList<>();
		String valid = fill(pattern, null, null);
		Class<?> bodyType = null;
		boolean hasBody = false;
		for (MethodParameter parameter : handler.getMethodParameters()) {
			PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
			if (header != null && header.name().equalsIgnoreCase("If-Match")) {
				for (String bad : BAD_IF_MATCH) {
					probes.add(new Probe(method, valid, "{}", null, "If-Match: " + bad, null, false, bad));
				}
			}
			else if (parameter.hasParameterAnnotation(RequestBody.class)) {
				hasBody = true;
				bodyType = parameter.getParameterType();
			}
			else if (path != null) {
				String name = path.value().isEmpty()
						? path.name().isEmpty() ? parameter.getParameterName() : path.name() : path.value();
				for (String bad : BAD_IDS) {
					probes.add(new Probe(method, fill(pattern, name, bad), hasBodyOf(handler) ? "{}" : null, null));
				}
			}
			else if (param != null) {
				String name = param.value().isEmpty()
						? param.name().isEmpty() ? parameter.getParameterName() : param.name() : param.value();
				for (String bad : name.equals("page") ? BAD_PAGES : badQueryValues(parameter.getParameterType())) {
					probes.add(new Probe(method, valid + "?" + name + "=" + bad, null, null));
				}
			}
		}
		if (hasBody) {
			for (String body : MALFORMED) {
				probes.add(new Probe(method, valid, body, null));
			}
			probes.add(new Probe(method, valid, "{}", "text/plain"));
			probes.add(new Probe(method, valid, "<x/>", "application/xml"));
			probes.add(new Probe(method, valid, "{}", ""));
			probes.add(new Probe(method, valid, "{\"x\":\"" + "y".repeat(100_000) + "\"}", null));
			probes.add(Probe.chunked(method, valid, "[" + "1,".repeat(60_000) + "1]"));
			probes.add(Probe.raw(method, valid,
					new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' }));
			if (bodyType != null && bodyType.isRecord()) {
				probes.addAll(fieldProbes(method, valid, bodyType));
			}
		}
		probes.add(new Probe("PATCH", valid, hasBody ? "{}" : null, null));
		return probes;
	}

	/**
	 * Each field of a plausible body, one at a time: missing, null, of the wrong type,
	 * out of range.
	 */
	private List<Probe> fieldProbes(String method, String uri, Class<?> type) {
		List<Probe> probes = new ArrayList<>();
		Map<String, Object> base = new LinkedHashMap<>();
		for (RecordComponent component : type.getRecordComponents()) {
			base.put(component.getName(), plausible(component));
		}
		for (RecordComponent component : type.getRecordComponents()) {
			String field = component.getName();
			List<Object> bad = new ArrayList<>(wrongTypes(component));
			bad.addAll(outOfRange(component));
			if (required(component)) {
				bad.add(null);
				Map<String, Object> without = new LinkedHashMap<>(base);
				without.remove(field);
				probes.add(new Probe(method, uri, write(without), null, "without " + field));
			}
			for (Object value : bad) {
				Map<String, Object> body = new LinkedHashMap<>(base);
				body.put(field, value);
				String shown = String.valueOf(value);
				probes.add(new Probe(method, uri, write(body), null,
						field + "=" + (shown.length() > 40 ? shown.substring(0, 40) + "..." : shown)));
			}
		}
		return probes;
	}

	private Object plausible(RecordComponent component) {
		Class<?> type = component.getType();
		String name = component.getName();
		if (type == Long.class || type == long.class) {
			return name.startsWith("counselor") ? ids.get("staff")
					: name.startsWith("participant") ? ids.get("participants") : ids.get("programs");
		}
		if (type == Integer.class || type == int.class) {
			return 60;
		}
		if (type == LocalDate.class) {
			return name.contains("Birth") ? "1990-01-01" : LocalDate.now().plusWeeks(8).toString();
		}
		if (type == LocalTime.class) {
			return "09:00";
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[type.getEnumConstants().length - 1].toString();
		}
		if (Collection.class.isAssignableFrom(type)) {
			return List.of(name.startsWith("participant") ? ids.get("participants") : ids.get("blocks"));
		}
		if (name.equals("timeZone")) {
			return "America/New_York";
		}
		if (name.equals("password")) {
			return "a-long-enough-password";
		}
		return name.equals("username") ? "user_" + System.nanoTime() : "Text";
	}

	/** Values no field of that type accepts, whatever the rest of the body says. */
	private static List<Object> wrongTypes(RecordComponent component) {
		Class<?> type = component.getType();
		// an empty array of a list reads as "no value": refused only where a value is
		// required (see null below);
		// dates and times are text only since #11 (no [], [2026,11,2], "" nor epoch days)
		List<Object> bad = new ArrayList<>(List.of(Map.of("nested", 1)));
		if (!Collection.class.isAssignableFrom(type)) {
			bad.add(List.of());
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
			// a number is a JSON number: "60" was read as 60 until #11
			bad.addAll(List.of("abc", 1.5, new java.math.BigInteger("99999999999999999999"), -1e300, true, "60", "1",
					"60.0", 60.5));
		}
		else if (type == LocalDate.class) {
			bad.addAll(List.of("2026-02-30", "2026-13-01", "01/02/2026", "yesterday", "2026-1-1", "1899-12-31",
					"2201-01-01", "9999-12-31", "+999999999-12-31", "-999999999-01-01", "", " ", 20_000, 0,
					List.of(2026, 11, 2), "20261102", true));
		}
		else if (type == LocalTime.class) {
			// HH:mm only: 10:00:30 lost its seconds until #11
			bad.addAll(List.of("25:00", "12:60", "noon", "9", "-01:00", "10:00:30", "10:00:00", "9:00", "", 540,
					List.of(9, 0)));
		}
		else if (type.isEnum()) {
			// by name only: {"status":0} recorded PRESENT and {"role":0} made a
			// COORDINATOR until #11
			bad.addAll(List.of("NOPE", "", type.getEnumConstants()[0].toString().toLowerCase() + "x", 0,
					type.getEnumConstants().length - 1, type.getEnumConstants()[0].toString().toLowerCase(), "0",
					true));
		}
		else if (Collection.class.isAssignableFrom(type)) {
			bad.addAll(List.of("x", 7, java.util.Arrays.asList((Object) null), List.of("abc"), List.of(1.5),
					List.of(List.of(1))));
			if (elementType(component) == Long.class) {
				bad.add(List.of(-1));
				bad.add(List.of(999_999_999));
			}
		}
		return bad;
	}

	/**
	 * What the field's own rules refuse: one past each bound, blank where text is
	 * required.
	 */
	private static List<Object> outOfRange(RecordComponent component) {
		List<Object> bad = new ArrayList<>();
		Min min = component.getAnnotation(Min.class);
		Max max = component.getAnnotation(Max.class);
		Size size = component.getAnnotation(Size.class);
		if (min != null) {
			bad.add(min.value() - 1);
		}
		if (max != null) {
			bad.add(max.value() + 1);
		}
		if (component.getAnnotation(Positive.class) != null) {
			bad.addAll(List.of(0, -5));
		}
		if (component.getType() == String.class) {
			if (size != null && size.max() < 60_000) {
				bad.add("x".repeat(size.max() + 1));
			}
			if (size != null && size.min() > 0) {
				bad.add("x".repeat(size.min() - 1));
			}
			if (component.getAnnotation(NotBlank.class) != null
					|| component.getAnnotation(NotBlankIfGiven.class) != null) {
				bad.addAll(List.of("", "   ", "\t\n"));
			}
			if (component.getAnnotation(Pattern.class) != null) {
				bad.addAll(List.of("no spaces allowed", "x", "robert'); drop table account;--"));
			}
			if (component.getName().equals("timeZone")) {
				bad.addAll(List.of("Mars/Olympus_Mons", "UTC+99", "../../etc/passwd", "-05:00", "+05:30", "Z", "GMT+5",
						"Etc/GMT+5", "EST"));
			}
		}
		if (Collection.class.isAssignableFrom(component.getType()) && size != null) {
			bad.add(java.util.stream.LongStream.rangeClosed(1, size.max() + 1L).boxed().toList());
		}
		if (Collection.class.isAssignableFrom(component.getType()) && component.getAnnotation(NotEmpty.class) != null) {
			bad.add(List.of());
		}
		if (component.getType() == LocalDate.class && component.getName().contains("Birth")) {
			bad.add(LocalDate.now().plusDays(1).toString());
		}
		if ((component.getType() == Long.class || component.getType() == long.class)
				&& component.getName().endsWith("Id")) {
			bad.addAll(List.of(-1, 0, 999_999_999));
		}
		return bad;
	}

	private static boolean required(RecordComponent component) {
		return component.getAnnotation(NotNull.class) != null || component.getAnnotation(NotBlank.class) != null
				|| component.getAnnotation(NotEmpty.class) != null;
	}

	private static Class<?> elementType(RecordComponent component) {
		if (component.getGenericType() instanceof ParameterizedType generic
				&& generic.getActualTypeArguments()[0] instanceof Class<?> element) {
			return element;
		}
		return Object.class;
	}

	private static List<String> badQueryValues(Class<?> type) {
		if (type.getSimpleName().equals("IsoWeek")) {
			return BAD_WEEKS;
		}
		if (type == LocalDate.class) {
			return BAD_DATES;
		}
		if (type == java.time.Instant.class) {
			return BAD_INSTANTS;
		}
		if (type.isEnum()) {
			return BAD_ENUMS;
		}
		return BAD_NUMBERS;
	}

	private static boolean hasBodyOf(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The pattern with every variable set to an existing record's id, except {@code bad}
	 * for {@code name}.
	 */
	private String fill(String pattern, String name, String bad) {
		String[] segments = pattern.split("/");
		for (int i = 0; i < segments.length; i++) {
			if (segments[i].startsWith("{")) {
				String variable = segments[i].substring(1, segments[i].length() - 1);
				// a date in a path (a scheduled plan change) is a date, not an id
				segments[i] = variable.equals(name) ? bad : variable.equals("date")
						? LocalDate.now().plusWeeks(8).toString() : String.valueOf(idFor(variable, segments[i - 1]));
			}
		}
		return String.join("/", segments);
	}

	private long idFor(String variable, String previousSegment) {
		if (!variable.equals("id")) {
			String plural = variable.replace("Id", "") + "s";
			if (ids.containsKey(plural)) {
				return ids.get(plural);
			}
		}
		return ids.getOrDefault(previousSegment, ids.get("programs"));
	}

	private static List<String> patterns(RequestMappingInfo info) {
		if (info.getPathPatternsCondition() == null) {
			return List.of();
		}
		return info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).toList();
	}

	private void refusedWithProblemJson(Probe probe) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.uri()))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", authorization)
			.header("Accept", "application/json, application/problem+json");
		if (probe.contentType() != null && !probe.contentType().isEmpty()) {
			request.header("Content-Type", probe.contentType());
		}
		if (probe.ifMatch() != null) {
			request.header("If-Match", probe.ifMatch());
		}
		request.method(probe.method(), probe.publisher());
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("status of %s; body %s", probe, response.body()).isBetween(400, 499);
		assertThat(response.headers().firstValue("Content-Type").orElse("none"))
			.as("content type of %s: %s", probe, response.body())
			.startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).as("problem status of %s", probe).isEqualTo(response.statusCode());
		assertThat(problem.path("detail").asString()).as("problem detail of %s", probe).isNotBlank();
		if (probe.ifMatch() != null) {
			assertThat(response.statusCode()).as("status of %s", probe).isEqualTo(400);
			assertThat(problem.path("detail").asString()).as("problem detail of %s", probe).startsWith("If-Match");
		}
	}

	/**
	 * Every table's rows, in a fixed order, as text: equal snapshots mean nothing was
	 * written.
	 */
	private Map<String, String> snapshot() throws Exception {
		List<String> tables = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				ResultSet rows = connection.getMetaData()
					.getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME"));
			}
		}
		assertThat(tables).as("tables found").isNotEmpty();
		Map<String, String> snapshot = new TreeMap<>();
		for (String table : tables) {
			snapshot.put(table,
					jdbc.queryForList("select * from \"" + table + "\" order by 1")
						.stream()
						.map(Object::toString)
						.collect(Collectors.joining("\n")));
		}
		return snapshot;
	}

	private static String write(Object body) {
		return JSON.writeValueAsString(body);
	}

	record Probe(String method, String uri, String body, String contentType, String label, byte[] raw, boolean chunked,
			String ifMatch) {

		Probe(String method, String uri, String body, String contentType) {
			this(method, uri, body, contentType, null, null, false, null);
		}

		Probe(String method, String uri, String body, String contentType, String label) {
			this(method, uri, body, contentType, label, null, false, null);
		}

		Probe {
			if (contentType == null && (body != null || raw != null)) {
				contentType = "application/json";
			}
		}

		static Probe chunked(String method, String uri, String body) {
			return new Probe(method, uri, body, "application/json", "chunked " + body.length() + " bytes", null, true,
					null);
		}

		static Probe raw(String method, String uri, byte[] bytes) {
			return new Probe(method, uri, null, "application/json", "invalid UTF-8", bytes, false, null);
		}

		BodyPublisher publisher() {
			if (raw != null) {
				return BodyPublishers.ofByteArray(raw);
			}
			if (body == null) {
				return BodyPublishers.noBody();
			}
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			return chunked ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
					: BodyPublishers.ofByteArray(bytes);
		}

		@Override
		public String toString() {
			String shown = label != null ? label : body == null ? ""
					: body.length() > 40 ? body.substring(0, 40) + "... (" + body.length() + ")" : body;
			return method + " " + uri + (shown.isEmpty() ? "" : " " + shown)
					+ (contentType != null && !contentType.equals("application/json") ? " as '" + contentType + "'"
							: "");
		}

	}

}
