package org.iopscheduler.browser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.SqlWork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The people page's filters (issue 12, item 8): program, population and status, combined
 * with the name search and each other, kept in the URL. The clock stands at Wed 4 Nov
 * 2026 18:30 in New York, already Thu 5 Nov in Tokyo.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class, SqlWork.class })
class PeopleSearchFiltersPagesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 4);

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	People people;

	@Autowired
	Programs programs;

	@Autowired
	Enrollments enrollments;

	/** One family name per test, so each search sees only its own people. */
	String family;

	Account coordinator;

	Program evening;

	Program tokyo;

	@BeforeEach
	void aNewYorkAndATokyoProgramWithSixParticipants() {
		family = PageFixtures.unique("Filterby").replace(".", "x");
		coordinator = fixtures.coordinator("Filter Coordinator");
		PageFixtures.Evening ny = fixtures.evening("Evening " + family, fixtures.counselor("NY Counselor"));
		evening = ny.program();
		tokyo = programs.create("Tokyo " + family, Population.ADULT, "Asia/Tokyo", null);
		Account tokyoCounselor = fixtures.counselor("Tokyo Counselor");
		List<Long> tokyoPlan = List.of(
				fixtures.block(tokyo, BlockType.GROUP, "Group", DayOfWeek.MONDAY, "10:00", 180, tokyoCounselor, "A")
					.getId(),
				fixtures.block(tokyo, BlockType.GROUP, "Group", DayOfWeek.TUESDAY, "10:00", 180, tokyoCounselor, "A")
					.getId(),
				fixtures.block(tokyo, BlockType.GROUP, "Group", DayOfWeek.FRIDAY, "10:00", 180, tokyoCounselor, "A")
					.getId());
		enrollments.enrol(evening.getId(), participant("Ana").getId(), TODAY.minusWeeks(4), null, ny.blockIds());
		enrollments.enrol(evening.getId(), participant("Ben").getId(), LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 20), ny.blockIds());
		long cal = enrollments
			.enrol(evening.getId(), participant("Cal").getId(), LocalDate.of(2026, 10, 1), null, ny.blockIds())
			.getId();
		enrollments.discharge(cal, LocalDate.of(2026, 10, 15), "Moved away");
		people.createParticipant(PageFixtures.unique("dee"), PageFixtures.PASSWORD, "Dee " + family,
				LocalDate.of(2010, 3, 1));
		enrollments.enrol(evening.getId(), participant("Eve").getId(), LocalDate.of(2026, 11, 20), null, ny.blockIds());
		// Tokyo's today is 5 Nov: running there, though New York is still on the 4th
		enrollments.enrol(tokyo.getId(), participant("Fay").getId(), LocalDate.of(2026, 11, 5), null, tokyoPlan);
	}

	Account participant(String first) {
		return fixtures.participant(first + " " + family);
	}

	/** The first names the page lists, in its order. */
	List<String> found(MockHttpServletRequestBuilder request) throws Exception {
		String page = page(request);
		Matcher names = Pattern.compile(">(\\w+) " + family + "</a>").matcher(page);
		List<String> firsts = new java.util.ArrayList<>();
		while (names.find()) {
			firsts.add(names.group(1));
		}
		return firsts;
	}

	String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(user(SignedIn.of(coordinator, false))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	MockHttpServletRequestBuilder search() {
		return get("/people").param("q", family);
	}

	@Test
	void everyParticipantHasExactlyOneStatusEnrolledTodayDischargedOrNotEnrolled() throws Exception {
		assertThat(found(search().param("status", "ENROLLED"))).containsExactly("Ana", "Fay");
		assertThat(found(search().param("status", "DISCHARGED"))).containsExactly("Ben", "Cal");
		assertThat(found(search().param("status", "NOT_ENROLLED"))).containsExactly("Dee", "Eve");
		assertThat(found(search())).containsExactly("Ana", "Ben", "Cal", "Dee", "Eve", "Fay");
	}

	@Test
	void enrolledTodayIsTodayInTheEnrollmentsOwnProgramsZone() throws Exception {
		assertThat(found(search().param("program", tokyo.getId().toString()).param("status", "ENROLLED")))
			.containsExactly("Fay");
		assertThat(found(search().param("program", evening.getId().toString()).param("status", "ENROLLED")))
			.containsExactly("Ana");
	}

	@Test
	void aProgramFilterFindsEveryoneWithAnEnrollmentInItAndWorksWithAnEmptySearchBox() throws Exception {
		assertThat(found(get("/people").param("program", evening.getId().toString()))).containsExactly("Ana", "Ben",
				"Cal", "Eve");
		assertThat(page(get("/people").param("program", evening.getId().toString()))).contains("4 participants match.");
	}

	@Test
	void withAProgramChosenTheStatusIsTheParticipantsInThatProgram() throws Exception {
		String program = evening.getId().toString();
		assertThat(found(search().param("program", program).param("status", "DISCHARGED"))).containsExactly("Ben",
				"Cal");
		// in the program but not started yet
		assertThat(found(search().param("program", program).param("status", "NOT_ENROLLED"))).containsExactly("Eve");
		assertThat(found(search().param("program", tokyo.getId().toString()).param("status", "DISCHARGED"))).isEmpty();
	}

	@Test
	void thePopulationIsTheAgeTodayAsThePopulationRuleDecidesIt() throws Exception {
		assertThat(found(search().param("population", "ADOLESCENT"))).containsExactly("Dee");
		assertThat(found(search().param("population", "ADULT"))).containsExactly("Ana", "Ben", "Cal", "Eve", "Fay");
	}

	@Test
	void filtersCombineWithTheNameSearchAndWithEachOther() throws Exception {
		assertThat(found(search().param("population", "ADULT").param("status", "NOT_ENROLLED"))).containsExactly("Eve");
		assertThat(found(get("/people").param("q", "cal " + family).param("status", "DISCHARGED")))
			.containsExactly("Cal");
		assertThat(found(get("/people").param("q", "cal " + family).param("status", "ENROLLED"))).isEmpty();
		assertThat(found(search().param("program", evening.getId().toString())
			.param("population", "ADOLESCENT")
			.param("status", "NOT_ENROLLED"))).isEmpty();
	}

	@Test
	void thePageSaysHowManyMatchOrThatNoOneDoesInPlainWords() throws Exception {
		assertThat(page(search().param("status", "ENROLLED"))).contains("2 participants match.");
		assertThat(page(get("/people").param("q", "ana " + family))).contains("1 participant matches.");
		assertThat(page(search().param("population", "ADOLESCENT").param("status", "ENROLLED")))
			.contains("No one matches.");
	}

	@Test
	void theFiltersStayInTheUrlOfEveryOtherPageAndOnTheForm() throws Exception {
		String program = evening.getId().toString();
		String html = page(search().param("program", program)
			.param("population", "ADULT")
			.param("status", "ENROLLED")
			.param("page", "1"));
		assertThat(html).contains("href=\"/people?page=0&amp;q=" + family + "&amp;program=" + program
				+ "&amp;population=ADULT&amp;status=ENROLLED\"");
		assertThat(html).contains("<option value=\"" + program + "\" selected=\"selected\">")
			.contains("<option value=\"ENROLLED\" selected=\"selected\">")
			.contains("<option value=\"ADULT\" selected=\"selected\">");
	}

	@Test
	void aFilterValueThatIsNoChoiceIsShownNextToItsFieldAndFindsNobody() throws Exception {
		String html = page(search().param("status", "SLEEPING").param("population", "ELDERLY"));
		assertThat(html).contains("Choose a status from the list.")
			.contains("Choose an age group from the list.")
			.contains("No one matches.");
		assertThat(page(search().param("program", "987654321"))).contains("There is no such program")
			.contains("No one matches.");
		assertThat(page(search().param("program", "evening"))).contains("Choose one from the list.");
	}

	@Test
	void theParticipantsAndHowManyMatchAreOneStatementWhateverTheFiltersAndMatches() throws Exception {
		SqlWork.Cost one = SqlWork.measure(() -> quietly(get("/people").param("q", "ana " + family)
			.param("program", evening.getId().toString())
			.param("population", "ADULT")
			.param("status", "ENROLLED")));
		SqlWork.Cost many = SqlWork.measure(() -> quietly(search().param("population", "ADULT")));
		SqlWork.Cost everyStatus = SqlWork.measure(() -> quietly(search().param("status", "DISCHARGED")));
		for (SqlWork.Cost cost : List.of(one, many, everyStatus)) {
			assertThat(cost.sql().stream().filter(sql -> sql.contains("count(*) over ()"))).as(cost.toString())
				.hasSize(1);
		}
		assertThat(many.statements()).as(many + "\n" + one).isEqualTo(one.statements());
		// the status without a program asks each program's today: one more, small read
		assertThat(everyStatus.statements()).as(everyStatus.toString()).isLessThanOrEqualTo(one.statements() + 1);
	}

	void quietly(MockHttpServletRequestBuilder request) {
		try {
			page(request);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
