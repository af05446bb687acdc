package org.iopscheduler.browser;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.Closures;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.system.PageFormat;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Plain words (issue 12): each family of refusals reaches the pages naming people, blocks
 * and days as a coordinator would, never {@code counselorId 2} or {@code MONDAY}; and a
 * form shows every error of a submit at once. The still clock stands on Wednesday 4
 * November 2026, 18:30 in New York.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class })
class PlainWordsPagesTest {

	static final LocalDate THURSDAY = PageFixtures.MONDAY.plusWeeks(1).plusDays(3);

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	Closures closures;

	private static RequestPostProcessor as(Account account) {
		return user(SignedIn.of(account, false));
	}

	@Test
	void aDoubleBookedCounselorIsNamedWithTheirBlockItsDaysTimesAndZone() throws Exception {
		Account coordinator = fixtures.coordinator("Words Coordinator");
		Account dana = fixtures.counselor("Dana Whitfield");
		Evening evening = fixtures.evening("Busy IOP", dana);
		long other = fixtures.program("Other IOP").getId();

		mvc.perform(post("/programs/{id}/blocks", other).param("type", "GROUP")
			.param("title", "Early group")
			.param("dayOfWeek", "MONDAY")
			.param("startTime", "19:00")
			.param("durationMinutes", "60")
			.param("counselorId", String.valueOf(dana.getId()))
			.param("location", "Room 1")
			.with(csrf())
			.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"Dana Whitfield already leads Process group on Mondays 18:00-21:00 (New York time), which overlaps 19:00-20:00 on Mon ")))
			.andExpect(content().string(not(containsString("counselor " + dana.getId()))))
			.andExpect(content().string(not(containsString("block " + evening.monday().getId()))));
	}

	@Test
	void aBlockFormWithABadCapacityAndNoPlaceShowsBothErrors() throws Exception {
		Account coordinator = fixtures.coordinator("Words Coordinator");
		Account dana = fixtures.counselor("Dana Whitfield");
		long program = fixtures.program("Two Errors IOP").getId();

		mvc.perform(post("/programs/{id}/blocks", program).param("type", "INDIVIDUAL")
			.param("title", "One to one")
			.param("dayOfWeek", "TUESDAY")
			.param("startTime", "10:00")
			.param("durationMinutes", "60")
			.param("counselorId", String.valueOf(dana.getId()))
			.param("capacity", "5")
			.param("location", " ")
			.with(csrf())
			.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Individual blocks have exactly 1 place, not 5."),
					containsString("id=\"location-error\""), not(containsString("INDIVIDUAL block")))));
	}

	@Test
	void aBlockFormWithABadLengthAndNoPlaceShowsBothErrors() throws Exception {
		Account coordinator = fixtures.coordinator("Words Coordinator");
		Account dana = fixtures.counselor("Dana Whitfield");
		long program = fixtures.program("Length IOP").getId();

		mvc.perform(post("/programs/{id}/blocks", program).param("type", "GROUP")
			.param("title", "Long group")
			.param("dayOfWeek", "TUESDAY")
			.param("startTime", "10:00")
			.param("durationMinutes", "800")
			.param("counselorId", String.valueOf(dana.getId()))
			.param("location", "")
			.with(csrf())
			.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"durationMinutes-error\""),
					containsString("At most 720."), containsString("id=\"location-error\""))));
	}

	@Test
	void aProgramWithNoNameAndAMinimumBelowTheFloorShowsBothInWords() throws Exception {
		Account coordinator = fixtures.coordinator("Words Coordinator");

		mvc.perform(post("/programs").param("name", "")
			.param("population", "ADULT")
			.param("timeZone", "America/New_York")
			.param("minimumWeeklyMinutes", "300")
			.with(csrf())
			.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("5 h a week is below the Adult floor of 9 h."),
					containsString("id=\"name-error\""), not(containsString("minimumWeeklyMinutes 300")))));
	}

	@Test
	void anEnrolmentWithNoParticipantAndNoBlocksShowsBothErrors() throws Exception {
		Account coordinator = fixtures.coordinator("Words Coordinator");
		Evening evening = fixtures.evening("Empty Plan IOP", fixtures.counselor("Dana Whitfield"));

		mvc.perform(post("/programs/{id}/enrol", evening.program().getId())
			.param("startDate", PageFixtures.MONDAY.plusWeeks(1).toString())
			.with(csrf())
			.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(
					allOf(containsString("Choose at least one block"), containsString("id=\"participantId-error\""))));
	}

	@Test
	void aFullBlockIsNamedWithItsDayAndTimeAndTheDate() throws Exception {
		Account coordinator = fixtures.coordinator("Words Coordinator");
		Account dana = fixtures.counselor("Dana Whitfield");
		var program = fixtures.program("Full IOP");
		var single = fixtures.block(program, org.iopscheduler.calendar.BlockType.INDIVIDUAL, "Check-in",
				java.time.DayOfWeek.TUESDAY, "10:00", 540, dana, "Room 9");
		fixtures.enrol(program, fixtures.participant("First Person"), PageFixtures.MONDAY,
				java.util.List.of(single.getId()));
		Account second = fixtures.participant("Second Person");

		mvc.perform(post("/programs/{id}/enrol", program.getId()).param("participantId", String.valueOf(second.getId()))
			.param("startDate", PageFixtures.MONDAY.plusWeeks(1).toString())
			.param("blockIds", String.valueOf(single.getId()))
			.with(csrf())
			.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check-in, Tuesdays 10:00-19:00 is full on ")))
			.andExpect(content().string(not(containsString("block " + single.getId()))));
	}

	@Test
	void aDayClosedTwiceIsRefusedWithTheDayInWords() throws Exception {
		Account coordinator = fixtures.coordinator("Words Coordinator");
		Evening evening = fixtures.evening("Closed IOP", fixtures.counselor("Dana Whitfield"));
		long program = evening.program().getId();
		closures.close(program, THURSDAY, "Snow", coordinator.getId());

		mvc.perform(post("/programs/{id}/closures", program).param("date", THURSDAY.toString())
			.param("reason", "Snow again")
			.with(csrf())
			.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("The program is already closed on " + PageFormat.day(THURSDAY))));
	}

	@Test
	void reinstatingASessionThatIsNotCancelledIsRefusedInWords() throws Exception {
		Account coordinator = fixtures.coordinator("Words Coordinator");
		Evening evening = fixtures.evening("Reinstate IOP", fixtures.counselor("Dana Whitfield"));
		DatedSession thursday = fixtures.session(evening.program(), evening.thursday(), THURSDAY);

		mvc.perform(post("/sessions/{id}/reinstate", thursday.getId()).with(csrf()).with(as(coordinator)))
			.andExpect(flash().attribute("reinstateRefused", "This session is not cancelled."));
	}

	@Test
	void aTakenUsernameIsRefusedInWords() throws Exception {
		Account coordinator = fixtures.coordinator("Words Coordinator");
		Account taken = fixtures.counselor("Taken Name");

		mvc.perform(post("/people/staff").param("username", taken.getUsername())
			.param("password", "a-long-enough-password-9")
			.param("fullName", "Someone Else")
			.param("role", "COUNSELOR")
			.with(csrf())
			.with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The username " + taken.getUsername() + " is already taken.")));
	}

}
