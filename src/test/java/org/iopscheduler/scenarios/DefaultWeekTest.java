package org.iopscheduler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.people.internal.AccountRepository;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.iopscheduler.system.PageFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every "this week" the service answers without {@code ?week=} is the ISO week of the
 * local date where it belongs: the program's zone for a program, the participant's
 * current program's for {@code /api/me/*} and their pages, the organisation's (here
 * Kiritimati, UTC+14, far from UTC on purpose) for the organisation report. Five programs
 * from UTC-10 to UTC+14 are asked over HTTP at the minutes either side of each one's
 * midnight between Sunday 29 and Monday 30 November 2026, and on Wednesday; at each,
 * every program is asked, so each is seen on Sunday evening and on Monday morning. Every
 * hour of the week in each zone is ClinicCalendarTest's: over HTTP that took minutes on
 * the shared build machine.
 */
@TestPropertySource(properties = "iop.organisation.time-zone=" + DefaultWeekTest.ORGANISATION_ZONE)
class DefaultWeekTest extends ApplicationTest {

	static final String ORGANISATION_ZONE = "Pacific/Kiritimati";

	static final List<String> ZONES = List.of("Pacific/Honolulu", "America/New_York", "Europe/London",
			"Australia/Sydney", "Pacific/Kiritimati");

	static final Pattern WEEK_PICKER = Pattern
		.compile("id=\"week-picker\" type=\"week\" name=\"week\" value=\"([^\"]+)\"");

	/**
	 * One program per zone, a block every day, a participant on all seven. Made once per
	 * class.
	 */
	static Map<String, Site> sites;

	static SignedIn admin;

	@Autowired
	AccountRepository accounts;

	@Autowired
	WebApplicationContext context;

	MockMvc pages;

	record Site(ZoneId zone, long programId, Person counselor, Person participant) {
	}

	@BeforeEach
	void aProgramInEachZone() {
		pages = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).build();
		if (sites != null) {
			return;
		}
		Map<String, Site> made = new LinkedHashMap<>();
		for (String zone : ZONES) {
			long program = program("ADULT", zone);
			Person counselor = counselor();
			List<Long> blocks = new ArrayList<>();
			for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
				blocks.add(block(program, counselor.id(), day, "10:00", 80));
			}
			Person participant = participant();
			created(enrol(program, participant.id(), "2026-10-05", blocks));
			made.put(zone, new Site(ZoneId.of(zone), program, counselor, participant));
		}
		admin = SignedIn.of(accounts.findByUsername(ADMIN).orElseThrow(), false);
		sites = made;
	}

	/**
	 * Each program's Sunday 23:59 and Monday 00:00 at the end of 2026-W48, and Wednesday
	 * noon (UTC).
	 */
	static Stream<Instant> instants() {
		Stream<Instant> edges = ZONES.stream()
			.map(ZoneId::of)
			.flatMap(zone -> Stream.of("2026-11-29T23:59", "2026-11-30T00:00")
				.map(local -> LocalDateTime.parse(local).atZone(zone).toInstant()));
		return Stream.concat(edges, Stream.of(Instant.parse("2026-11-25T12:00:00Z"))).sorted();
	}

	static IsoWeek localWeek(Instant now, ZoneId zone) {
		return IsoWeek.of(now.atZone(zone).toLocalDate());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("instants")
	void everyDefaultWeekIsTheIsoWeekOfTheLocalDateWhereItBelongs(Instant now) {
		clock.set(now);
		for (Site site : sites.values()) {
			String week = localWeek(now, site.zone()).toString();
			String where = now + " in " + site.zone() + " (" + now.atZone(site.zone()).toLocalDateTime() + ")";

			assertThat(weeksOf(site.participant().api().get("/api/me/schedule"))).as("/api/me/schedule " + where)
				.containsExactly(week);
			assertThat(weekRows(site.participant().api().get("/api/me/dosage"))).as("/api/me/dosage " + where)
				.containsExactly(week);
			assertThat(weeksOf(coordinator.get("/api/programs/" + site.programId() + "/sessions")))
				.as("program sessions " + where)
				.containsExactly(week);
			assertThat(weekField(coordinator.get("/api/programs/" + site.programId() + "/dosage")))
				.as("program dosage " + where)
				.isEqualTo(week);
		}
		assertThat(weekField(coordinator.get("/api/dosage"))).as("organisation report at " + now)
			.isEqualTo(localWeek(now, ZoneId.of(ORGANISATION_ZONE)).toString());
	}

	/**
	 * Monday 00:00 in Sydney (Sunday morning in the Americas), then Sunday 23:59 in New
	 * York (Monday in London and beyond): each splits the five programs between two
	 * weeks.
	 */
	static Stream<Instant> weekTurns() {
		return Stream.of("2026-11-29T13:00:00Z", "2026-11-30T04:59:00Z").map(Instant::parse);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("weekTurns")
	void theOwnPageTheDoseDashboardAndTheCalendarShowTheWeekTheApiAnswers(Instant now) throws Exception {
		clock.set(now);
		for (Site site : sites.values()) {
			String week = localWeek(now, site.zone()).toString();
			String where = now + " in " + site.zone();
			SignedIn participant = signedIn(site.participant());

			assertThat(weeksOf(site.participant().api().get("/api/me/schedule"))).as(where).containsExactly(week);
			assertThat(weeksOf(coordinator.get("/api/participants/" + site.participant().id() + "/schedule")))
				.as("staff's view of the participant's schedule " + where)
				.containsExactly(week);
			assertThat(weekField(coordinator.get("/api/dosage?programId=" + site.programId())))
				.as("organisation report narrowed to the program " + where)
				.isEqualTo(week);
			assertThat(shownWeek(page("/me", participant))).as("/me " + where).isEqualTo(week);
			assertThat(shownWeek(page("/programs/" + site.programId() + "/dose", admin))).as("dose dashboard " + where)
				.isEqualTo(week);
			assertThat(shownWeek(page("/programs/" + site.programId() + "/calendar", admin))).as("calendar " + where)
				.isEqualTo(week);
			LocalDate today = now.atZone(site.zone()).toLocalDate();
			assertThat(page("/sessions", signedIn(site.counselor()))).as("counselor's day " + where)
				.contains(PageFormat.longDay(today));
		}
	}

	@Test
	void aTransferringParticipantsWeekIsTheNewProgramsOnceItHasBegunThere() {
		Site honolulu = sites.get("Pacific/Honolulu");
		Site sydney = sites.get("Australia/Sydney");
		Person moving = participant();
		created(enrolIn(honolulu, moving, "2026-10-05", "2026-11-29"));
		created(enrolIn(sydney, moving, "2026-11-30", null));

		// Sunday 23:00 in Sydney, Sunday 02:00 in Honolulu: still the Honolulu week
		clock.set(Instant.parse("2026-11-29T12:00:00Z"));
		assertThat(weeksOf(moving.api().get("/api/me/schedule"))).containsExactly("2026-W48");
		// Monday 01:00 in Sydney, Sunday 04:00 in Honolulu: the Sydney enrollment has
		// begun, and its week with it
		clock.set(Instant.parse("2026-11-29T14:00:00Z"));
		Api.Reply schedule = moving.api().get("/api/me/schedule");
		assertThat(weeksOf(schedule)).containsExactly("2026-W49");
		assertThat(schedule.json().get(0).get("startsAt").asString()).endsWith("+11:00");
	}

	@Test
	void aParticipantWithoutAProgramSeesTheOrganisationsWeek() throws Exception {
		Person unenrolled = participant();
		// Sunday 29 November 12:00 UTC is Monday 02:00 in Kiritimati
		clock.set(Instant.parse("2026-11-29T12:00:00Z"));

		assertThat(shownWeek(page("/me", signedIn(unenrolled)))).isEqualTo("2026-W49");
	}

	private Api.Reply enrolIn(Site site, Person participant, String start, String end) {
		List<Long> blocks = new ArrayList<>();
		coordinator.get("/api/programs/" + site.programId() + "/blocks")
			.json()
			.forEach(b -> blocks.add(b.get("id").asLong()));
		return coordinator.post("/api/programs/" + site.programId() + "/enrollments",
				Api.body("participantId", participant.id(), "startDate", start, "endDate", end, "blockIds", blocks));
	}

	private SignedIn signedIn(Person person) {
		return SignedIn.of(accounts.findById(person.id()).orElseThrow(), false);
	}

	private String page(String path, SignedIn who) throws Exception {
		var result = pages.perform(get(path).with(user(who))).andReturn().getResponse();
		assertThat(result.getStatus()).as(path).isEqualTo(200);
		return result.getContentAsString();
	}

	private static String shownWeek(String html) {
		Matcher picker = WEEK_PICKER.matcher(html);
		assertThat(picker.find()).as("the page has a week picker").isTrue();
		return picker.group(1);
	}

	/**
	 * The ISO weeks the sessions of a schedule fall in (one, when the answer is one
	 * week's).
	 */
	private static List<String> weeksOf(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		List<String> weeks = new ArrayList<>();
		reply.json().forEach(s -> weeks.add(IsoWeek.of(LocalDate.parse(s.get("date").asString())).toString()));
		assertThat(weeks).as("a session every day of the week").hasSize(7);
		return weeks.stream().distinct().toList();
	}

	private static List<String> weekRows(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		List<String> weeks = new ArrayList<>();
		reply.json().forEach(row -> weeks.add(row.get("week").asString()));
		return weeks;
	}

	private static String weekField(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode json = reply.json();
		return json.get("week").asString();
	}

}
