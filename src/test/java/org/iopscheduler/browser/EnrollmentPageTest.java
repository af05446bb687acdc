package org.iopscheduler.browser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.SignedIn;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The enrolment page's rules without a browser: discharge and its refusals in words, a
 * plan change with the live meter, undo of a scheduled change. Today is Wed 4 Nov 2026
 * (New York); the evening program meets Mon, Wed and Thu 18:00-21:00.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class })
class EnrollmentPageTest {

	static final LocalDate MONDAY = PageFixtures.MONDAY;

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	Enrollments enrollments;

	@Autowired
	org.iopscheduler.people.People people;

	Account coordinator;

	Evening evening;

	Account alex;

	Enrollment enrollment;

	String path;

	private static RequestPostProcessor as(Account account) {
		return user(SignedIn.of(account, false));
	}

	void enrolled(String program) {
		coordinator = fixtures.coordinator("Enrolment Coordinator");
		evening = fixtures.evening(program, fixtures.counselor("Dana Whitfield"));
		alex = fixtures.participant("Alex Carter");
		enrollment = enrollments.enrol(evening.program().getId(), alex.getId(), MONDAY.minusWeeks(2), null,
				evening.blockIds());
		path = "/enrollments/" + enrollment.getId();
	}

	@Test
	void theParticipantsPageLinksToTheEnrolmentForCoordinators() throws Exception {
		enrolled("Link IOP");
		mvc.perform(get("/participants/" + alex.getId()).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"" + path + "\"")));
		mvc.perform(get(path).with(as(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Alex Carter in Link IOP")))
			.andExpect(content().string(containsString("Process group, Monday 18:00–21:00")));
	}

	@Test
	void aCounselorCannotOpenTheEnrolmentPage() throws Exception {
		enrolled("Counselor IOP");
		mvc.perform(get(path).with(as(fixtures.counselor("Other Counselor")))).andExpect(status().isForbidden());
	}

	@Test
	void dischargeSetsTheLastDayAndKeepsTheReason() throws Exception {
		enrolled("Discharge IOP");
		mvc.perform(post(path + "/discharge").with(csrf())
			.with(as(coordinator))
			.param("date", MONDAY.plusDays(7).toString())
			.param("reason", "completed treatment"))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("done", "Discharged; the last day in the program is Mon 9 Nov."));
		assertThat(enrollments.get(enrollment.getId()).getDischargeDate()).isEqualTo(MONDAY.plusDays(7));
		mvc.perform(get(path).with(as(coordinator)))
			.andExpect(content().string(containsString("Discharged on Mon 9 Nov: completed treatment")))
			.andExpect(content().string(not(containsString("id=\"discharge-form\""))));
	}

	@Test
	void aDischargeBeforeRecordedAttendanceIsRefusedInWords() throws Exception {
		enrolled("Attended IOP");
		fixtures.mark(fixtures.session(evening.program(), evening.monday(), MONDAY), alex, AttendanceStatus.PRESENT,
				null, coordinator);
		mvc.perform(post(path + "/discharge").with(csrf())
			.with(as(coordinator))
			.param("date", MONDAY.minusDays(1).toString())
			.param("reason", "moved away"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"Alex Carter attended Process group on Mon 2 Nov, after the discharge date you chose (Sun 1 Nov).")))
			.andExpect(content().string(not(containsString("session " + evening.monday().getId()))));
		assertThat(enrollments.get(enrollment.getId()).getDischargeDate()).isNull();
	}

	@Test
	void aDischargeFormShowsAllItsErrorsAtOnce() throws Exception {
		enrolled("Errors IOP");
		mvc.perform(post(path + "/discharge").with(csrf()).with(as(coordinator)).param("date", "").param("reason", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"discharge-date-error\"")))
			.andExpect(content().string(containsString("id=\"discharge-reason-error\"")));
	}

	@Test
	void aDischargeBeforeTheStartIsRefusedInWords() throws Exception {
		enrolled("Early IOP");
		mvc.perform(post(path + "/discharge").with(csrf())
			.with(as(coordinator))
			.param("date", MONDAY.minusWeeks(3).toString())
			.param("reason", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(
					containsString("The discharge date (Mon 12 Oct) is before the enrolment starts (Mon 19 Oct).")));
	}

	@Test
	void thePlanChangesMeterAsksThePlanRules() throws Exception {
		enrolled("Meter IOP");
		mvc.perform(get(path + "/plan").with(as(coordinator))
			.param("effectiveFrom", MONDAY.plusWeeks(1).toString())
			.param("blockIds", String.valueOf(evening.monday().getId())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The change would be refused. The plan gives 3 h a week")));
		// its own places do not count against it: a group of one it is already in is not
		// full
		mvc.perform(get(path + "/plan").with(as(coordinator))
			.param("effectiveFrom", MONDAY.plusWeeks(1).toString())
			.param("blockIds", evening.blockIds().stream().map(String::valueOf).toArray(String[]::new)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("reaches the program")));
	}

	@Test
	void aScheduledPlanChangeShowsInTheTimelineAndCanBeUndone() throws Exception {
		enrolled("Undo IOP");
		long extra = fixtures
			.block(evening.program(), BlockType.GROUP, "Weekend group", DayOfWeek.SATURDAY, "10:00", 120,
					evening.counselor(), "Room 1")
			.getId();
		LocalDate from = MONDAY.plusWeeks(2);
		List<String> plan = List.of(String.valueOf(evening.monday().getId()),
				String.valueOf(evening.wednesday().getId()), String.valueOf(evening.blockIds().get(2)),
				String.valueOf(extra));
		mvc.perform(post(path + "/plan").with(csrf())
			.with(as(coordinator))
			.param("effectiveFrom", from.toString())
			.param("blockIds", plan.toArray(String[]::new)))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("done", "The new plan holds from Mon 16 Nov."));
		mvc.perform(get(path).with(as(coordinator)))
			.andExpect(content().string(containsString("Weekend group, Saturday 10:00–12:00")))
			.andExpect(content().string(containsString("Scheduled")))
			.andExpect(content().string(containsString("Undo the change from Mon 16 Nov")));

		mvc.perform(post(path + "/plan-changes/" + from + "/undo").with(csrf()).with(as(coordinator)))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("done", "The plan change from Mon 16 Nov was undone."));
		assertThat(enrollments.get(enrollment.getId()).timeline()).hasSize(1);
	}

	@Test
	void undoingAChangeThatHasTakenEffectIsRefusedInWords() throws Exception {
		enrolled("Lived IOP");
		enrollments.changePlan(enrollment.getId(),
				List.of(evening.monday().getId(), evening.wednesday().getId(), evening.blockIds().get(2)),
				MONDAY.minusWeeks(1));
		long extra = fixtures
			.block(evening.program(), BlockType.GROUP, "Weekend group", DayOfWeek.SATURDAY, "10:00", 120,
					evening.counselor(), "Room 1")
			.getId();
		List<Long> more = new java.util.ArrayList<>(evening.blockIds());
		more.add(extra);
		enrollments.changePlan(enrollment.getId(), more, MONDAY);

		mvc.perform(post(path + "/plan-changes/" + MONDAY + "/undo").with(csrf()).with(as(coordinator)))
			.andExpect(redirectedUrl(path))
			.andExpect(flash().attribute("refused",
					"The change from Mon 2 Nov has already taken effect (today is Wed 4 Nov); what was lived stays. "
							+ "Change the plan from a later date instead."));
	}

	@Test
	void aChangeMadeSinceThePageWasLoadedIsRefused() throws Exception {
		enrolled("Stale IOP");
		long loaded = enrollments.get(enrollment.getId()).getRowVersion();
		enrollments.discharge(enrollment.getId(), MONDAY.plusWeeks(4), "transfer");
		mvc.perform(post(path + "/plan").with(csrf())
			.with(as(coordinator))
			.param("version", String.valueOf(loaded))
			.param("effectiveFrom", MONDAY.plusWeeks(1).toString())
			.param("blockIds", evening.blockIds().stream().map(String::valueOf).toArray(String[]::new)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Someone changed this enrolment after you opened the page.")));
	}

	@Test
	void thePickerOffersOnlyFreeParticipantsOfTheProgramsPopulation() throws Exception {
		enrolled("Picker IOP");
		String tag = org.iopscheduler.support.Clinic.unique("Quinn");
		Account free = fixtures.participant(tag + " Free");
		Account busy = fixtures.participant(tag + " Busy");
		enrollments.enrol(evening.program().getId(), busy.getId(), MONDAY, null, evening.blockIds());
		Account teen = people.createParticipant(org.iopscheduler.support.Clinic.unique("teen"), PageFixtures.PASSWORD,
				tag + " Teen", LocalDate.of(2012, 3, 1));
		String picker = "/programs/" + evening.program().getId() + "/enrol/participants";

		mvc.perform(get(picker).with(as(coordinator))
			.param("q", tag.toLowerCase())
			.param("startDate", MONDAY.plusWeeks(1).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tag + " Free")))
			.andExpect(content().string(containsString("value=\"" + free.getId() + "\"")))
			.andExpect(content().string(not(containsString(tag + " Busy"))))
			.andExpect(content().string(not(containsString(tag + " Teen"))));
		// before the other enrolment starts, the busy one is free
		mvc.perform(get(picker).with(as(coordinator))
			.param("q", tag)
			.param("startDate", MONDAY.minusWeeks(3).toString())
			.param("endDate", MONDAY.minusDays(1).toString()))
			.andExpect(content().string(containsString(tag + " Busy")));
		mvc.perform(get(picker).with(as(coordinator)).param("q", "zz" + tag))
			.andExpect(content().string(containsString("matches &quot;zz" + tag + "&quot;")));
		assertThat(teen.getId()).isNotNull();
	}

}
