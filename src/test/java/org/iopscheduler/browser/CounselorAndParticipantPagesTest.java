package org.iopscheduler.browser;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.browser.PageFixtures.Evening;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The counselor's day on any date, "mark everyone present", and the participant's week in
 * words, without a browser (issue 12, item 10). The browser tests drive the same pages at
 * 375 px.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class })
class CounselorAndParticipantPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	private static RequestPostProcessor as(Account account) {
		return user(SignedIn.of(account, false));
	}

	@Test
	void aCounselorSeesTheSessionsOfAnyPickedDayAndItsWeek() throws Exception {
		Account counselor = fixtures.counselor("Day Counselor");
		Evening evening = fixtures.evening("Any Day IOP", counselor);
		fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY.minusWeeks(3));

		mvc.perform(get("/sessions?date=2026-10-12").with(as(counselor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Monday 12 October 2026")))
			.andExpect(content().string(containsString("Week of 12 Oct - 18 Oct")))
			.andExpect(content().string(containsString("Mon 12 Oct")))
			.andExpect(content().string(containsString("/sessions?date=2026-10-13")))
			.andExpect(content().string(containsString("/sessions?date=2026-10-05")));
		mvc.perform(get("/sessions?date=2026-10-13").with(as(counselor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No sessions that day.")));
	}

	@Test
	void aPickedDayThatIsNoDateOrOutOfRangeIsRefusedNotAServerError() throws Exception {
		Account counselor = fixtures.counselor("Bad Day Counselor");
		// an address the pages cannot read or accept is the styled not-found page, as for
		// any page
		mvc.perform(get("/sessions?date=next-tuesday").with(as(counselor))).andExpect(status().isNotFound());
		mvc.perform(get("/sessions?date=1800-01-01").with(as(counselor))).andExpect(status().isNotFound());
	}

	@Test
	void markEveryonePresentFillsTheUnmarkedRowsKeepsSavedMarksAndSavesNothing() throws Exception {
		Account counselor = fixtures.counselor("Tap Counselor");
		Evening evening = fixtures.evening("One Tap IOP", counselor);
		Account kim = fixtures.participant("Kim Lowe");
		Account lee = fixtures.participant("Lee Marsh");
		fixtures.enrol(evening.program(), kim, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		fixtures.enrol(evening.program(), lee, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());
		DatedSession session = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY);
		fixtures.mark(session, lee, AttendanceStatus.EXCUSED, null, counselor);

		String page = mvc
			.perform(post("/sessions/" + session.getId() + "/attendance/all-present").with(as(counselor)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not saved yet")))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(checked(page, "p" + kim.getId() + "-PRESENT")).isTrue();
		assertThat(checked(page, "p" + lee.getId() + "-EXCUSED")).as("a saved exception stays").isTrue();
		assertThat(checked(page, "p" + lee.getId() + "-PRESENT")).isFalse();
		assertThat(fixtures.markOf(session, kim)).as("one tap fills the sheet; only saving saves").isNull();
	}

	@Test
	void markEveryonePresentIsForTheSessionsCounselorOnly() throws Exception {
		Account counselor = fixtures.counselor("Own Counselor");
		Evening evening = fixtures.evening("Guarded IOP", counselor);
		DatedSession session = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY);
		mvc.perform(post("/sessions/" + session.getId() + "/attendance/all-present")
			.with(as(fixtures.counselor("Other Counselor")))
			.with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/sessions/" + session.getId() + "/attendance/all-present")
			.with(as(fixtures.participant("Nosy Participant")))
			.with(csrf())).andExpect(status().isForbidden());
	}

	@Test
	void aParticipantsWeeksAreNamedInWordsNotIsoWeekNumbers() throws Exception {
		Account counselor = fixtures.counselor("Week Counselor");
		Evening evening = fixtures.evening("Words IOP", counselor);
		Account mo = fixtures.participant("Mo Nash");
		fixtures.enrol(evening.program(), mo, PageFixtures.MONDAY.minusWeeks(2), evening.blockIds());

		mvc.perform(get("/me").with(as(mo)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This week: 2 Nov - 8 Nov")))
			.andExpect(content().string(containsString(">26 Oct - 1 Nov</a>")))
			.andExpect(content().string(not(containsString(">2026-W44<"))))
			.andExpect(content().string(not(containsString("Week 2026-W45"))));
		mvc.perform(get("/me?week=2026-W44").with(as(mo)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">26 Oct - 1 Nov</p>")))
			.andExpect(content().string(containsString("Hours 26 Oct - 1 Nov")));
	}

	@Test
	void aWeekAcrossNewYearNamesBothYears() {
		assertThat(PageFormat.days(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6))).isEqualTo("30 Nov - 6 Dec");
		assertThat(PageFormat.days(LocalDate.of(2026, 12, 28), LocalDate.of(2027, 1, 3)))
			.isEqualTo("28 Dec 2026 - 3 Jan 2027");
	}

	private static boolean checked(String page, String id) {
		Matcher tag = Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(page);
		assertThat(tag.find()).as("a radio " + id).isTrue();
		return tag.group().contains("checked");
	}

}
