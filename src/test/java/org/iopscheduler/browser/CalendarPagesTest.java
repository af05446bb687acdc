package org.iopscheduler.browser;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditEvent;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.BlockChange;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.Closure;
import org.iopscheduler.calendar.Closures;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.system.PageFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The calendar's coordinator tasks without a browser (issue 12, items 3 to 5): closures
 * from the calendar, cancelling with a confirmation of who loses minutes, reinstating,
 * and the block form's "replaces" preview. The still clock stands on Wednesday 4 November
 * 2026, 18:30 in New York.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class })
class CalendarPagesTest {

	/** Thursday of the week after the clock's. */
	static final LocalDate THURSDAY = PageFixtures.MONDAY.plusWeeks(1).plusDays(3);

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Closures closures;

	@Autowired
	Sessions sessions;

	@Autowired
	Blocks blocks;

	private static RequestPostProcessor as(Account account) {
		return user(SignedIn.of(account, false));
	}

	record Setting(Account coordinator, Account participant, Evening evening, DatedSession thursday) {

		String calendar() {
			return "/programs/" + evening.program().getId() + "/calendar?week=2026-W46";
		}

	}

	private Setting anEveningProgram(String name) {
		Account coordinator = fixtures.coordinator("Calendar Coordinator");
		Evening evening = fixtures.evening(name, fixtures.counselor("Dana Whitfield"));
		Account participant = fixtures.participant("Alex Morgan " + name);
		fixtures.enrol(evening.program(), participant, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		return new Setting(coordinator, participant, evening,
				fixtures.session(evening.program(), evening.thursday(), THURSDAY));
	}

	@Test
	void theGridsHoursFollowTheProgramsSessionsEveningOrMorning() throws Exception {
		Setting s = anEveningProgram("Evening Grid IOP");
		String evening = mvc.perform(get(s.calendar()).with(as(s.coordinator())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// 18:00-21:00, widened to six hours before it
		assertThat(hourLabels(evening)).containsExactly("15:00", "16:00", "17:00", "18:00", "19:00", "20:00");

		var morning = fixtures.program("Morning Grid IOP");
		fixtures.block(morning, org.iopscheduler.calendar.BlockType.GROUP, "Morning group", java.time.DayOfWeek.TUESDAY,
				"08:30", 180, fixtures.counselor("Morgan Hale"), "Room 1");
		String page = mvc
			.perform(get("/programs/" + morning.getId() + "/calendar?week=2026-W46").with(as(s.coordinator())))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// 08:30-11:30, widened back to 07:00, then after it
		assertThat(hourLabels(page)).containsExactly("07:00", "08:00", "09:00", "10:00", "11:00", "12:00");
	}

	/**
	 * A 15-minute session is drawn five quarter-hour rows tall (its kind, title, time,
	 * counselor and place each get a line) and names itself in its tooltip.
	 */
	@Test
	void aShortSessionNeverHidesItsText() throws Exception {
		Setting s = anEveningProgram("Short Grid IOP");
		fixtures.block(s.evening().program(), org.iopscheduler.calendar.BlockType.INDIVIDUAL, "Check-in",
				java.time.DayOfWeek.TUESDAY, "17:00", 15, s.evening().counselor(), "Room 5");

		String page = mvc.perform(get(s.calendar()).with(as(s.coordinator())))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page)
			.containsPattern("class=\"tile t-INDIVIDUAL r-\\d+ s-5 [^\"]*\"[^>]*title=\"Check-in · 17:00–17:15")
			.containsPattern("<strong class=\"title\">Check-in</strong>\\s*<span class=\"time\">17:00–17:15");
	}

	private static List<String> hourLabels(String page) {
		return java.util.regex.Pattern.compile("<div class=\"hour\">([0-9:]+)</div>")
			.matcher(page)
			.results()
			.map(m -> m.group(1))
			.toList();
	}

	@Test
	void aClosedDayIsMarkedOnTheCalendarWithItsReasonAndItsUndoOpensItAgain() throws Exception {
		Setting s = anEveningProgram("Closure IOP");
		long program = s.evening().program().getId();

		mvc.perform(post("/programs/{id}/closures", program).param("date", THURSDAY.toString())
			.param("reason", "Thanksgiving")
			.with(csrf())
			.with(as(s.coordinator()))).andExpect(redirectedUrl(s.calendar()));

		mvc.perform(get(s.calendar()).with(as(s.coordinator())))
			.andExpect(content().string(containsString("Closed: Thanksgiving")))
			.andExpect(content().string(containsString("Undo the closure of " + PageFormat.day(THURSDAY))));
		assertThat(sessions.get(s.thursday().getId()).isCancelled()).isTrue();

		Closure closure = closures.between(program, THURSDAY, THURSDAY).get(0);
		mvc.perform(post("/programs/{p}/closures/{c}/undo", program, closure.getId()).param("week", "2026-W46")
			.with(csrf())
			.with(as(s.coordinator()))).andExpect(redirectedUrl(s.calendar()));

		mvc.perform(get(s.calendar()).with(as(s.coordinator())))
			.andExpect(content().string(not(containsString("Closed: Thanksgiving"))))
			.andExpect(content().string(containsString("Close " + PageFormat.day(THURSDAY))));
		assertThat(sessions.get(s.thursday().getId()).isCancelled()).isFalse();
	}

	@Test
	void closingADayTwiceIsRefusedNextToTheDateInWords() throws Exception {
		Setting s = anEveningProgram("Twice IOP");
		long program = s.evening().program().getId();
		closures.close(program, THURSDAY, "Snow", s.coordinator().getId());

		mvc.perform(post("/programs/{id}/closures", program).param("date", THURSDAY.toString())
			.param("reason", "Snow again")
			.with(csrf())
			.with(as(s.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The program is already closed on " + PageFormat.day(THURSDAY))))
			.andExpect(content().string(not(containsString("program " + program))));
	}

	@Test
	void aClosureWithoutAReasonIsRefusedAndClosesNothing() throws Exception {
		Setting s = anEveningProgram("Reasonless IOP");
		long program = s.evening().program().getId();

		mvc.perform(post("/programs/{id}/closures", program).param("date", THURSDAY.toString())
			.param("reason", " ")
			.with(csrf())
			.with(as(s.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reason-error")));

		assertThat(closures.between(program, THURSDAY, THURSDAY)).isEmpty();
	}

	@Test
	void theCancelConfirmationShowsWhoLosesMinutesThatWeekAndCancelsNothingYet() throws Exception {
		Setting s = anEveningProgram("Confirm IOP");

		mvc.perform(post("/sessions/{id}/cancel/check", s.thursday().getId()).param("reason", "Counselor ill")
			.with(csrf())
			.with(as(s.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Who loses 3 h this week")))
			.andExpect(content().string(containsString(s.participant().getFullName())))
			.andExpect(content().string(containsString("9 h → 6 h")))
			.andExpect(content().string(containsString("On track")))
			.andExpect(content().string(containsString("At risk")));

		assertThat(sessions.get(s.thursday().getId()).isCancelled()).isFalse();
		assertThat(linesAbout(s.participant())).extracting(AuditEvent::getAction).contains(AuditAction.READ_DOSAGE);
	}

	@Test
	void aConfirmedCancellationCancelsAndTheSessionPageOffersToReinstateIt() throws Exception {
		Setting s = anEveningProgram("Reinstate IOP");
		long id = s.thursday().getId();
		mvc.perform(post("/sessions/{id}/cancel", id).param("reason", "Counselor ill")
			.with(csrf())
			.with(as(s.coordinator()))).andExpect(redirectedUrl("/sessions/" + id));
		mvc.perform(get("/sessions/{id}", id).with(as(s.coordinator())))
			.andExpect(content().string(containsString("Reinstate session")));

		mvc.perform(post("/sessions/{id}/reinstate", id).with(csrf()).with(as(s.coordinator())))
			.andExpect(redirectedUrl("/sessions/" + id));

		assertThat(sessions.get(id).isCancelled()).isFalse();
		assertThat(linesAbout(s.participant())).extracting(AuditEvent::getAction)
			.contains(AuditAction.REINSTATE_SESSION);
		mvc.perform(get("/sessions/{id}", id).with(as(s.coordinator())))
			.andExpect(content().string(containsString("Cancel this session")));
	}

	@Test
	void aSessionOnAClosedDayIsNotReinstatedFromItsPage() throws Exception {
		Setting s = anEveningProgram("Closed Reinstate IOP");
		long id = s.thursday().getId();
		closures.close(s.evening().program().getId(), THURSDAY, "Snow", s.coordinator().getId());
		mvc.perform(get("/sessions/{id}", id).with(as(s.coordinator())))
			.andExpect(content().string(containsString("The program is closed that day")))
			.andExpect(content().string(not(containsString("Reinstate session"))));

		mvc.perform(post("/sessions/{id}/reinstate", id).with(csrf()).with(as(s.coordinator())))
			.andExpect(redirectedUrl("/sessions/" + id));

		assertThat(sessions.get(id).isCancelled()).isTrue();
	}

	@Test
	void theBlockFormSaysWhichScheduledChangesADateReplacesBeforeSaving() throws Exception {
		Setting s = anEveningProgram("Replaces IOP");
		long block = s.evening().monday().getId();
		LocalDate scheduled = PageFixtures.MONDAY.plusWeeks(3);
		blocks.change(block,
				new BlockChange(scheduled, null, LocalTime.of(17, 30), null, null, null, null, null, null));

		mvc.perform(
				get("/blocks/{id}/replaces", block).param("effectiveFrom", PageFixtures.MONDAY.plusWeeks(2).toString())
					.with(as(s.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(
					containsString("Saving from " + PageFormat.day(PageFixtures.MONDAY.plusWeeks(2)) + " replaces")))
			.andExpect(content().string(containsString("From " + PageFormat.day(scheduled) + ": Monday 17:30")));
		mvc.perform(
				get("/blocks/{id}/replaces", block).param("effectiveFrom", PageFixtures.MONDAY.plusWeeks(4).toString())
					.with(as(s.coordinator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("replaces no scheduled change")));
	}

	private List<AuditEvent> linesAbout(Account someone) {
		return auditLog.search(someone.getId(), null, null, null, 0, 100).getContent();
	}

}
