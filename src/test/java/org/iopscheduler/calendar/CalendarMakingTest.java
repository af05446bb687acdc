package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.iopscheduler.support.ApplicationTest;
import org.iopscheduler.system.InvalidInput;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A coordinator makes every program's sessions for up to 400 days at once; days made stay
 * made.
 */
class CalendarMakingTest extends ApplicationTest {

	static final String YEAR = "/api/calendar/sessions?from=2026-01-01&to=2026-12-31";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CalendarMaking making;

	@Test
	void aYearIsMadeOnceASecondCallMakesNothing() {
		long program = program("ADULT", "America/Denver");
		Person counselor = counselor();
		block(program, counselor.id(), "MONDAY", "09:00", 180);

		var first = coordinator.post(YEAR, null);
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("programs").asInt()).isPositive();
		assertThat(first.json().get("sessionsMade").asInt()).isGreaterThanOrEqualTo(52);
		// 2026 has 52 Mondays, from 5 January to 28 December
		assertThat(jdbc.queryForObject("select count(*) from dated_session where program_id = ?", Long.class, program))
			.isEqualTo(52);

		var second = coordinator.post(YEAR, null);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.json().get("sessionsMade").asInt()).isZero();
	}

	@Test
	void onlyCoordinatorsMakeTheCalendar() {
		assertThat(counselor().api().post(YEAR, null).status()).isEqualTo(403);
		assertThat(participant().api().post(YEAR, null).status()).isEqualTo(403);
	}

	@Test
	void aCallCoversAtMostFourHundredDays() {
		var tooLong = coordinator.post("/api/calendar/sessions?from=2026-01-01&to=2027-02-05", null);
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("detail").asString()).startsWith("to:").contains("400 days");
		assertThat(coordinator.post("/api/calendar/sessions?from=2026-01-01&to=2027-02-04", null).status())
			.isEqualTo(200);

		var backwards = coordinator.post("/api/calendar/sessions?from=2026-03-01&to=2026-02-01", null);
		assertThat(backwards.status()).isEqualTo(400);
		assertThat(backwards.json().get("detail").asString()).startsWith("to:");
		assertThat(coordinator.post("/api/calendar/sessions?from=2026-03-01", null).status()).isEqualTo(400);
	}

	/**
	 * Year 9999 or +999999999 once failed a group half-way (500) and took the database
	 * down with it.
	 */
	@Test
	void datesOutsideTheAcceptedRangeAreABadRequestNamingTheField() {
		var far = coordinator.post("/api/calendar/sessions?from=9999-12-01&to=9999-12-31", null);
		assertThat(far.status()).as(far.toString()).isEqualTo(400);
		assertThat(far.contentType()).startsWith("application/problem+json");
		assertThat(far.json().get("detail").asString()).startsWith("from:").contains("1900-01-01 to 2200-12-31");

		var farthest = coordinator.post("/api/calendar/sessions?from=2026-01-01&to=%2B999999999-12-31", null);
		assertThat(farthest.status()).as(farthest.toString()).isEqualTo(400);
		assertThat(farthest.json().get("detail").asString()).startsWith("to:").contains("1900-01-01 to 2200-12-31");

		var before = coordinator.post("/api/calendar/sessions?from=1899-12-31&to=1900-01-31", null);
		assertThat(before.status()).isEqualTo(400);
		assertThat(before.json().get("detail").asString()).startsWith("from:");

		assertThat(coordinator.post("/api/calendar/sessions?from=2200-12-01&to=2200-12-31", null).status())
			.isEqualTo(200);
		assertThat(coordinator.post("/api/calendar/sessions?from=1900-01-01&to=1900-01-31", null).status())
			.isEqualTo(200);
	}

	@Test
	void theDomainRefusesADateOutsideTheAcceptedRangeToo() {
		assertThatThrownBy(() -> making.make(LocalDate.of(2026, 1, 1), LocalDate.of(9999, 12, 31)))
			.isInstanceOf(InvalidInput.class)
			.hasMessageStartingWith("to: 9999-12-31 is outside");
		assertThatThrownBy(() -> making.make(LocalDate.MIN, LocalDate.of(2026, 1, 1))).isInstanceOf(InvalidInput.class)
			.hasMessageStartingWith("from:");
	}

	/**
	 * Sessions were keyed by days since 1970: before it, every block shared one key a
	 * day.
	 */
	@Test
	void aSecondBlocksSessionsBefore1970AreMadeToo() {
		long program = program("ADULT", "America/New_York");
		Person counselor = counselor();
		block(program, counselor.id(), "MONDAY", "09:00", 60);
		String january1965 = "/api/calendar/sessions?from=1965-01-01&to=1965-01-31";
		assertThat(coordinator.post(january1965, null).json().get("sessionsMade").asInt()).isGreaterThanOrEqualTo(4);

		block(program, counselor.id(), "MONDAY", "13:00", 60);
		coordinator.post(january1965, null);

		// 4 Mondays in January 1965 (4, 11, 18, 25), for each block
		assertThat(jdbc.queryForObject("select count(*) from dated_session where program_id = ?", Long.class, program))
			.isEqualTo(8);
	}

	/**
	 * 31 December 2200, the last accepted day, lies in 2201-W01, the last accepted week:
	 * counting that week's dose once failed stepping on to a week that does not exist.
	 */
	@Test
	void theLastAcceptedDaysAreMadeAndCountedForAnOpenEndedEnrollment() {
		long program = program("ADULT", "America/New_York");
		Person counselor = counselor();
		List<Long> blocks = List.of(block(program, counselor.id(), "MONDAY", "09:00", 180),
				block(program, counselor.id(), "WEDNESDAY", "09:00", 180),
				block(program, counselor.id(), "THURSDAY", "09:00", 180));
		assertThat(enrol(program, participant().id(), "2027-01-04", blocks).status()).isEqualTo(201);

		var last = coordinator.post("/api/calendar/sessions?from=2200-12-01&to=2200-12-31", null);

		assertThat(last.status()).as(last.toString()).isEqualTo(200);
		assertThat(jdbc.queryForObject(
				"select count(*) from weekly_dose d join enrollment e on e.id = d.enrollment_id where e.program_id = ?"
						+ " and d.week_monday = ?",
				Long.class, program, LocalDate.of(2200, 12, 29)))
			.isEqualTo(1);
	}

}
