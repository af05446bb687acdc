package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditEvent;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.bench.OrgDoseFloor;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.internal.AccountRepository;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The organisation-wide week: coordinators only, the program report's numbers, filters,
 * CSV, audited, the floor's rows.
 */
@Import(VariedPrograms.class)
class OrganisationDoseTest extends ApplicationTest {

	static final String WEEK = "2026-W48";

	static List<Long> programIds;

	@Autowired
	VariedPrograms varied;

	@Autowired
	People people;

	@Autowired
	AccountRepository accounts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	DataSource dataSource;

	@BeforeEach
	void twoVariedPrograms() {
		if (programIds == null) {
			programIds = List.of(varied.build("America/New_York", 10, 11), varied.build("Europe/London", 9, 12));
		}
	}

	@Test
	void onlyCoordinatorsReadTheOrganisationReport() {
		String counselor = unique("oc");
		people.createStaff(counselor, "password-123", "C", Role.COUNSELOR);
		String participant = unique("op");
		people.createParticipant(participant, "password-123", "P", java.time.LocalDate.of(1990, 1, 1));
		for (String who : List.of(counselor, participant)) {
			for (String path : List.of("/api/dosage", "/api/dosage.csv")) {
				Api.Reply reply = coordinator.as(who, "password-123").get(path);
				assertThat(reply.status()).as(who + " " + path).isEqualTo(403);
				assertThat(reply.contentType()).startsWith("application/problem+json");
			}
		}
	}

	@Test
	void everyProgramsRowsAreTheProgramReportsRows() {
		JsonNode org = ok("/api/dosage?week=" + WEEK);
		assertThat(org.get("week").asString()).isEqualTo(WEEK);
		List<JsonNode> rows = list(org.get("participants"));
		assertThat(rows).isSortedAccordingTo(Comparator.comparingLong((JsonNode r) -> r.get("programId").asLong())
			.thenComparingLong(r -> r.get("participantId").asLong()));
		for (long programId : programIds) {
			JsonNode program = ok("/api/programs/" + programId + "/dosage?week=" + WEEK);
			List<String> expected = list(program.get("participants")).stream()
				.sorted(Comparator.comparingLong(r -> r.get("participantId").asLong()))
				.map(r -> programId + "," + r.get("participantId") + "," + r.get("enrollmentId") + ","
						+ r.get("scheduledMinutes") + "," + r.get("attendedMinutes") + "," + r.get("unmarkedSessions")
						+ "," + r.get("status").asString() + "," + program.get("minimumWeeklyMinutes") + ","
						+ r.get("daysAttended") + "," + r.get("daysOfThreeHours"))
				.toList();
			List<String> actual = rows.stream()
				.filter(r -> r.get("programId").asLong() == programId)
				.map(OrganisationDoseTest::line)
				.toList();
			assertThat(actual)
				.hasSize(rows.stream().filter(r -> r.get("programId").asLong() == programId).toList().size())
				.isEqualTo(expected)
				.isNotEmpty();
		}
	}

	@Test
	void theStatusFilterIsCommaSeparatedOrRepeated() {
		String base = "/api/dosage?week=" + WEEK;
		List<String> commas = list(ok(base + "&status=UNDER_DOSED,%20AT_RISK").get("participants")).stream()
			.map(OrganisationDoseTest::line)
			.toList();
		assertThat(list(ok(base + "&status=UNDER_DOSED&status=AT_RISK").get("participants")).stream()
			.map(OrganisationDoseTest::line)
			.toList()).isEqualTo(commas);
		assertThat(list(ok(base + "&status=").get("participants"))).hasSameSizeAs(list(ok(base).get("participants")));
	}

	@Test
	void theStatusAndProgramFiltersKeepOnlyTheirRows() {
		List<JsonNode> all = list(ok("/api/dosage?week=" + WEEK).get("participants"));
		List<JsonNode> some = list(ok("/api/dosage?week=" + WEEK + "&status=UNDER_DOSED,AT_RISK").get("participants"));
		assertThat(some.stream().map(OrganisationDoseTest::line)).containsExactlyElementsOf(all.stream()
			.filter(r -> Set.of("UNDER_DOSED", "AT_RISK").contains(r.get("status").asString()))
			.map(OrganisationDoseTest::line)
			.toList());
		long program = programIds.get(1);
		List<JsonNode> one = list(ok("/api/dosage?week=" + WEEK + "&programId=" + program).get("participants"));
		assertThat(one).isNotEmpty().allSatisfy(r -> assertThat(r.get("programId").asLong()).isEqualTo(program));
		assertThat(one.stream().map(OrganisationDoseTest::line)).containsExactlyElementsOf(all.stream()
			.filter(r -> r.get("programId").asLong() == program)
			.map(OrganisationDoseTest::line)
			.toList());
	}

	@Test
	void withoutAWeekTheReportIsThisWeekInTheOrganisationZoneUtcByDefault() {
		clock.set(java.time.Instant.parse("2026-11-29T23:30:00Z"));
		assertThat(ok("/api/dosage").get("week").asString()).isEqualTo("2026-W48");
		clock.set(java.time.Instant.parse("2026-11-30T00:30:00Z"));
		assertThat(ok("/api/dosage").get("week").asString()).isEqualTo("2026-W49");
	}

	@Test
	void badParametersAreProblemsNamingThem() {
		for (String[] bad : List.of(new String[] { "week=2026-48", "week" }, new String[] { "week=2026-W54", "week" },
				new String[] { "status=UNDER_DOSED,LATE", "status" })) {
			for (String path : List.of("/api/dosage?", "/api/dosage.csv?")) {
				Api.Reply reply = coordinator.get(path + bad[0]);
				assertThat(reply.status()).as(path + bad[0]).isEqualTo(400);
				assertThat(reply.contentType()).startsWith("application/problem+json");
				assertThat(reply.json().get("detail").asString()).startsWith(bad[1]);
			}
		}
		assertThat(coordinator.get("/api/dosage?programId=999999").status()).isEqualTo(404);
	}

	@Test
	void theCsvHasAHeaderAndTheJsonRowsAsAnAttachment() throws Exception {
		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/dosage.csv?week=" + WEEK))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"dosage-" + WEEK + ".csv\"");
		assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).isEqualTo("program_id,participant_id,enrollment_id,scheduled_minutes,attended_minutes,"
				+ "unmarked_sessions,status,minimum_weekly_minutes,days_attended,days_of_three_hours");
		assertThat(lines.subList(1, lines.size()))
			.containsExactlyElementsOf(list(ok("/api/dosage?week=" + WEEK).get("participants")).stream()
				.map(OrganisationDoseTest::line)
				.toList());
	}

	@Test
	void bothReportsAreRecordedAsReadsOfManyParticipants() {
		long admin = accounts.findByUsername(ADMIN).orElseThrow().getId();
		ok("/api/dosage?week=" + WEEK + "&status=AT_RISK");
		assertThat(coordinator.get("/api/dosage.csv?week=" + WEEK).status()).isEqualTo(200);
		List<AuditEvent> events = auditLog.search(null, admin, null, null, 0, 1000).getContent();
		assertThat(events).anySatisfy(e -> {
			assertThat(e.getAction()).isEqualTo(AuditAction.READ_DOSAGE);
			assertThat(e.getTarget()).isEqualTo("/api/dosage?week=" + WEEK + "&status=AT_RISK");
			assertThat(e.getParticipantId()).isNull();
		});
		assertThat(events).anySatisfy(e -> {
			assertThat(e.getAction()).isEqualTo(AuditAction.EXPORT_DOSAGE);
			assertThat(e.getTarget()).isEqualTo("/api/dosage.csv?week=" + WEEK);
			assertThat(e.getParticipantId()).isNull();
		});
	}

	@Test
	void theFloorQueryReturnsTheReportsRowsNumbersAndStatus() throws Exception {
		for (String week : List.of("2026-W46", "2026-W47", WEEK, "2026-W49")) {
			List<String> report = list(ok("/api/dosage?week=" + week).get("participants")).stream()
				.map(OrganisationDoseTest::line)
				.toList();
			List<String> floor = new ArrayList<>();
			try (Connection connection = dataSource.getConnection()) {
				for (Object[] row : OrgDoseFloor.run(connection, IsoWeek.parse(week), OrgDoseFloor.zones(connection),
						clock.instant())) {
					floor.add(String.join(",", java.util.Arrays.stream(row).map(String::valueOf).toList()));
				}
			}
			assertThat(floor).as(week).isNotEmpty().containsExactlyElementsOf(report);
		}
	}

	private JsonNode ok(String path) {
		Api.Reply reply = coordinator.get(path);
		assertThat(reply.status()).as(path + " " + reply.body()).isEqualTo(200);
		return reply.json();
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> rows = new ArrayList<>();
		array.forEach(rows::add);
		return rows;
	}

	private static String line(JsonNode r) {
		return r.get("programId") + "," + r.get("participantId") + "," + r.get("enrollmentId") + ","
				+ r.get("scheduledMinutes") + "," + r.get("attendedMinutes") + "," + r.get("unmarkedSessions") + ","
				+ r.get("status").asString() + "," + r.get("minimumWeeklyMinutes") + "," + r.get("daysAttended") + ","
				+ r.get("daysOfThreeHours");
	}

}
