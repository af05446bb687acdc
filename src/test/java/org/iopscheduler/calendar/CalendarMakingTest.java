package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A coordinator makes every program's sessions for up to 400 days at once; days made stay made. */
class CalendarMakingTest extends ApplicationTest {

	static final String YEAR = "/api/calendar/sessions?from=2026-01-01&to=2026-12-31";

	@Autowired
	JdbcTemplate jdbc;

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

}
