package org.iopscheduler.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditEvent;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Calendar feeds over HTTP, read back with biweekly (another parser than the ical4j that
 * writes them). "Today" is Wednesday 4 November 2026 in New York: the window runs from
 * Wednesday 7 October to Wednesday 27 January 2027, across the end of daylight saving in
 * Berlin (25 October) and New York (1 November).
 */
class CalendarFeedTest extends ApplicationTest {

	static final Instant TODAY = Instant.parse("2026-11-04T17:00:00Z");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final String VIDEO = "https://video.example.org/rooms/42";

	@Autowired
	AuditLog auditLog;

	long newYork;

	long berlin;

	String newYorkName;

	Person leader;

	Person otherLeader;

	Person pat;

	Person sam;

	long monday;

	long friday;

	long tuesday;

	@BeforeEach
	void aProgramInNewYorkAndOneInBerlin() {
		clock.set(TODAY);
		newYork = program("ADULT", "America/New_York");
		newYorkName = coordinator.get("/api/programs/" + newYork).json().get("name").asString();
		berlin = program("ADULT", "Europe/Berlin");
		leader = counselor();
		otherLeader = counselor();
		monday = block(newYork, leader.id(), "MONDAY", "09:00", 540, "title", "Relapse prevention group");
		friday = block(newYork, leader.id(), "FRIDAY", "09:00", 180, "type", "INDIVIDUAL", "title",
				"Individual counseling", "location", VIDEO, "locationKind", "VIDEO");
		tuesday = block(newYork, leader.id(), "TUESDAY", "09:00", 540, "title", "Family program");
		block(berlin, otherLeader.id(), "WEDNESDAY", "10:00", 180, "type", "PSYCHOEDUCATION", "title",
				"Psychoeducation");
		pat = participant();
		sam = participant();
		assertThat(enrol(newYork, pat.id(), "2026-10-05", List.of(monday, friday)).status()).isEqualTo(201);
		assertThat(enrol(newYork, sam.id(), "2026-10-05", List.of(tuesday)).status()).isEqualTo(201);
	}

	@Test
	void aParticipantsFeedRoundTripsTheirSessionsAcrossTheEndOfDaylightSaving() {
		ICalendar feed = parse(fetch(issue(pat)));

		for (String week : List.of("2026-W44", "2026-W45")) {
			Map<String, Instant[]> expected = new TreeMap<>();
			for (JsonNode s : pat.api().get("/api/me/schedule?week=" + week).json()) {
				expected.put(uid(s.get("id").asLong()),
						new Instant[] { OffsetDateTime.parse(s.get("startsAt").asString()).toInstant(),
								OffsetDateTime.parse(s.get("endsAt").asString()).toInstant() });
			}
			Map<String, Instant[]> inFeed = new TreeMap<>();
			for (VEvent event : feed.getEvents()) {
				if (expected.containsKey(event.getUid().getValue())) {
					inFeed.put(event.getUid().getValue(), new Instant[] { start(event), end(event) });
				}
			}
			assertThat(expected).as(week).hasSize(2);
			assertThat(inFeed).as(week).containsOnlyKeys(expected.keySet());
			expected.forEach((uid, times) -> assertThat(inFeed.get(uid)).as(uid).containsExactly(times));
		}
		// Friday 30 October 9:00 is EDT (-04:00), Monday 2 November 9:00 EST (-05:00)
		assertThat(feed.getEvents()).extracting(CalendarFeedTest::start)
			.contains(Instant.parse("2026-10-30T13:00:00Z"), Instant.parse("2026-11-02T14:00:00Z"));
		assertThat(feed.getTimezoneInfo().getComponents()).singleElement()
			.satisfies(zone -> assertThat(zone.getTimezoneId().getValue()).isEqualTo("America/New_York"));
		assertThat(feed.getEvents())
			.allSatisfy(event -> assertThat(feed.getTimezoneInfo().getTimezone(event.getDateStart()).getComponent())
				.isNotNull());
	}

	@Test
	void theFeedHoldsFourWeeksBackToTwelveWeeksAheadOfToday() {
		ICalendar feed = parse(fetch(issue(pat)));

		List<LocalDate> days = feed.getEvents().stream().map(e -> LocalDate.ofInstant(start(e), NEW_YORK)).toList();
		assertThat(days)
			.allSatisfy(day -> assertThat(day).isBetween(LocalDate.of(2026, 10, 7), LocalDate.of(2027, 1, 27)));
		// Mondays 12 October to 25 January (16), Fridays 9 October to 22 January (16)
		assertThat(days).hasSize(32)
			.contains(LocalDate.of(2026, 10, 9), LocalDate.of(2027, 1, 25))
			.doesNotContain(LocalDate.of(2026, 10, 5), LocalDate.of(2027, 1, 29));
		assertThat(feed.getEvents()).extracting(e -> e.getUid().getValue()).doesNotHaveDuplicates();
	}

	@Test
	void aParticipantsFeedHoldsOnlyTheirOwnSessions() {
		ICalendar feed = parse(fetch(issue(pat)));
		ICalendar other = parse(fetch(issue(sam)));

		assertThat(feed.getEvents()).extracting(e -> start(e).atZone(NEW_YORK).getDayOfWeek().name())
			.containsOnly("MONDAY", "FRIDAY");
		assertThat(other.getEvents()).extracting(e -> start(e).atZone(NEW_YORK).getDayOfWeek().name())
			.containsOnly("TUESDAY");
	}

	@Test
	void aCounselorsFeedHoldsTheSessionsTheyLeadInTheirProgramsZone() {
		ICalendar feed = parse(fetch(issue(otherLeader)));

		// Wednesdays 10:00 in Berlin: CEST (+02:00) before 25 October, CET (+01:00) after
		assertThat(feed.getEvents()).isNotEmpty()
			.extracting(CalendarFeedTest::start)
			.contains(Instant.parse("2026-10-21T08:00:00Z"), Instant.parse("2026-10-28T09:00:00Z"))
			.allSatisfy(
					start -> assertThat(start.atZone(ZoneId.of("Europe/Berlin")).toLocalTime()).hasToString("10:00"));
		assertThat(parse(fetch(issue(leader))).getEvents())
			.extracting(e -> start(e).atZone(NEW_YORK).getDayOfWeek().name())
			.containsOnly("MONDAY", "TUESDAY", "FRIDAY");
	}

	@Test
	void aCancelledSessionIsCancelledInTheFeedWithAHigherSequenceAndANewEtag() {
		String url = issue(pat);
		Api.Reply before = fetch(url);
		long sessionId = firstMondayOf(pat, "2026-W46");
		VEvent was = event(parse(before), sessionId);
		assertThat(was.getStatus().isConfirmed()).isTrue();

		assertThat(coordinator.post("/api/sessions/" + sessionId + "/cancel", Api.body("reason", "snow")).status())
			.isEqualTo(200);

		Api.Reply after = fetch(url);
		VEvent now = event(parse(after), sessionId);
		assertThat(now.getStatus().isCancelled()).isTrue();
		assertThat(now.getSequence().getValue()).isGreaterThan(was.getSequence().getValue());
		assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
	}

	@Test
	void anUnchangedFeedAnswers304ToItsEtag() {
		String url = issue(pat);
		Api.Reply first = fetch(url);
		assertThat(first.header("ETag")).startsWith("\"");
		assertThat(first.header("Cache-Control")).contains("private").contains("no-cache");
		assertThat(first.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(first.contentType()).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
		assertThat(first.header("Set-Cookie")).isNull();

		Api.Reply again = anonymous().send("GET", path(url), null, Map.of("If-None-Match", first.header("ETag")));

		// one DTSTAMP an event, the session's creation: no fetch's own time in the bytes
		String text = first.body();
		assertThat(text.split("\r\nDTSTAMP:", -1)).hasSize(text.split("\r\nBEGIN:VEVENT", -1).length);
		assertThat(parse(first).getEvents())
			.allSatisfy(event -> assertThat(event.getDateTimeStamp().getValue().toInstant()).isEqualTo(TODAY));
		assertThat(again.status()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
	}

	@Test
	void issuingAgainMakesTheOldAddressNotFound() {
		String old = issue(pat);
		String fresh = issue(pat);

		assertThat(fresh).isNotEqualTo(old);
		assertThat(anonymous().get(path(old)).status()).isEqualTo(404);
		assertThat(fetch(fresh).status()).isEqualTo(200);
	}

	@Test
	void theAddressIsAbsoluteWithAtLeast128RandomBits() {
		Api.Reply issued = pat.api().post("/api/me/calendar-feed", null);

		assertThat(issued.status()).isEqualTo(201);
		assertThat(issued.json().get("createdAt").asString()).isNotBlank();
		assertThat(issued.json().get("url").asString())
			.matches("http://127\\.0\\.0\\.1:" + port + "/feeds/[A-Za-z0-9_-]{43}\\.ics");
	}

	@Test
	void aRevokedFeedIsNotFound() {
		String url = issue(pat);

		assertThat(pat.api().delete("/api/me/calendar-feed").status()).isEqualTo(204);

		Api.Reply gone = anonymous().get(path(url));
		assertThat(gone.status()).isEqualTo(404);
		assertThat(gone.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anUnknownAddressIsNotFound() {
		assertThat(anonymous().get("/feeds/" + "A".repeat(43) + ".ics").status()).isEqualTo(404);
		assertThat(anonymous().get("/feeds/short.ics").status()).isEqualTo(404);
	}

	@Test
	void aCoordinatorRevokesAnotherAccountsFeed() {
		String url = issue(leader);

		assertThat(coordinator.delete("/api/accounts/" + leader.id() + "/calendar-feed").status()).isEqualTo(204);

		assertThat(anonymous().get(path(url)).status()).isEqualTo(404);
	}

	@Test
	void issuingAndRevokingAreAuditedForTheAccount() {
		issue(pat);
		coordinator.delete("/api/accounts/" + pat.id() + "/calendar-feed");

		assertThat(auditLog.search(pat.id(), null, null, null, 0, 50).getContent()).extracting(AuditEvent::getAction)
			.filteredOn(action -> action.name().contains("CALENDAR_FEED"))
			.containsExactly(AuditAction.REVOKE_CALENDAR_FEED, AuditAction.ISSUE_CALENDAR_FEED);
	}

	@Test
	void aParticipantCannotRevokeAnotherAccountsFeed() {
		String url = issue(sam);

		assertThat(pat.api().delete("/api/accounts/" + sam.id() + "/calendar-feed").status()).isEqualTo(403);

		assertThat(fetch(url).status()).isEqualTo(200);
	}

	@Test
	void aCoordinatorHasNoFeed() {
		assertThat(coordinator.post("/api/me/calendar-feed", null).status()).isEqualTo(403);
	}

	@Test
	void everyFetchIsAuditedAsAReadOfTheOwnersSchedule() {
		String url = issue(pat);
		String token = path(url).substring("/feeds/".length(), path(url).length() - ".ics".length());

		fetch(url);

		List<AuditEvent> lines = auditLog.search(pat.id(), pat.id(), null, null, 0, 50)
			.getContent()
			.stream()
			.filter(line -> line.getAction() == AuditAction.READ_SCHEDULE)
			.toList();
		assertThat(lines).singleElement().satisfies(line -> {
			assertThat(line.getAction()).isEqualTo(AuditAction.READ_SCHEDULE);
			assertThat(line.getMethod()).isEqualTo("GET");
			assertThat(line.getTarget()).isEqualTo("/feeds/{token}.ics").doesNotContain(token);
		});
	}

	@Nested
	class NeutralWording {

		@Test
		void theDefaultWordingLeaksNoProgramSessionTypeCounselorOrOtherParticipant() {
			String text = fetch(issue(pat)).body();

			List<String> secrets = new java.util.ArrayList<>(
					List.of(newYorkName, "Relapse prevention group", "Individual counseling", "Family program", "Casey",
							"Pat ", "Dana", "IOP", "addiction", "substance"));
			for (BlockType type : BlockType.values()) {
				secrets.add(type.name());
				secrets.add(type.name().toLowerCase(Locale.ROOT));
			}
			assertThat(text.toLowerCase(Locale.ROOT))
				.doesNotContain(secrets.stream().map(s -> s.toLowerCase(Locale.ROOT)).toArray(String[]::new));
			ICalendar feed = parse(text);
			assertThat(feed.getProductId().getValue()).isEqualTo("-//Scheduler//Calendar feed//EN");
			assertThat(feed.getExperimentalProperty("X-WR-CALNAME").getValue()).isEqualTo("Appointments");
			assertThat(feed.getEvents()).allSatisfy(event -> {
				assertThat(event.getSummary().getValue()).isEqualTo("Appointment");
				assertThat(event.getUid().getValue()).matches("session-\\d+@scheduler\\.invalid");
			});
		}

		@Test
		void aVideoSessionCarriesItsLinkAsLocationAndUrl() {
			ICalendar feed = parse(fetch(issue(pat)));

			assertThat(feed.getEvents())
				.filteredOn(e -> start(e).atZone(NEW_YORK).getDayOfWeek().name().equals("FRIDAY"))
				.isNotEmpty()
				.allSatisfy(event -> {
					assertThat(event.getLocation().getValue()).isEqualTo(VIDEO);
					assertThat(event.getUrl().getValue()).isEqualTo(VIDEO);
				});
			assertThat(feed.getEvents())
				.filteredOn(e -> start(e).atZone(NEW_YORK).getDayOfWeek().name().equals("MONDAY"))
				.allSatisfy(event -> {
					assertThat(event.getLocation().getValue()).isEqualTo("Room 1");
					assertThat(event.getUrl()).isNull();
				});
		}

		@Test
		void aProgramsChosenWordingIsWhatItsEventsSay() {
			Api.Reply changed = coordinator.put("/api/programs/" + newYork,
					Api.body("contactTitle", "Visit", "contactClinicName", "Main Street Clinic"));
			assertThat(changed.status()).isEqualTo(200);

			assertThat(parse(fetch(issue(pat))).getEvents()).allSatisfy(
					event -> assertThat(event.getSummary().getValue()).isEqualTo("Visit \u2013 Main Street Clinic"));
		}

	}

	private long firstMondayOf(Person person, String week) {
		for (JsonNode s : person.api().get("/api/me/schedule?week=" + week).json()) {
			if (s.get("date").asString().equals(IsoWeek.parse(week).monday().toString())) {
				return s.get("id").asLong();
			}
		}
		throw new AssertionError("no Monday session in " + week);
	}

	private String issue(Person person) {
		Api.Reply issued = person.api().post("/api/me/calendar-feed", null);
		assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
		return issued.json().get("url").asString();
	}

	private Api.Reply fetch(String url) {
		Api.Reply reply = anonymous().send("GET", path(url), null, Map.of("Accept", "text/calendar"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply;
	}

	private Api anonymous() {
		return new Api(port, null, null);
	}

	private static String path(String url) {
		return url.substring(url.indexOf("/feeds/"));
	}

	private static ICalendar parse(Api.Reply reply) {
		return parse(reply.body());
	}

	private static ICalendar parse(String text) {
		List<ICalendar> calendars = Biweekly.parse(text).all();
		assertThat(calendars).hasSize(1);
		return calendars.get(0);
	}

	private static VEvent event(ICalendar feed, long sessionId) {
		return feed.getEvents()
			.stream()
			.filter(e -> e.getUid().getValue().equals(uid(sessionId)))
			.findFirst()
			.orElseThrow();
	}

	private static String uid(long sessionId) {
		return "session-" + sessionId + "@scheduler.invalid";
	}

	private static Instant start(VEvent event) {
		return event.getDateStart().getValue().toInstant();
	}

	private static Instant end(VEvent event) {
		return event.getDateEnd().getValue().toInstant();
	}

}
