package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A year made ahead recounts the stored weeks of the enrollments whose days reach into
 * it, and only theirs: one running into the year gets its weeks, exactly as a recount
 * finds them; one that ended before keeps what it had.
 */
class MadeYearStoredWeeksTest extends ApplicationTest {

	static final String YEAR_2027 = "/api/calendar/sessions?from=2027-01-01&to=2027-12-31";

	@Autowired
	StoredDoses stored;

	@Autowired
	JdbcTemplate jdbc;

	long runningInto;

	long endedBefore;

	@BeforeEach
	void twoEnrollmentsOneRunningIntoTheYear() {
		long program = program("ADULT", "America/Chicago");
		Person counselor = counselor();
		List<Long> blocks = List.of(block(program, counselor.id(), "MONDAY", "18:00", 180),
				block(program, counselor.id(), "WEDNESDAY", "18:00", 180),
				block(program, counselor.id(), "THURSDAY", "18:00", 180));
		runningInto = enrolment(program, "2026-11-30", "2027-03-31", blocks);
		endedBefore = enrolment(program, "2026-11-30", "2026-12-20", blocks);
		assertThat(coordinator.post("/api/calendar/sessions?from=2026-11-30&to=2026-12-31", null).status())
			.isEqualTo(200);
	}

	private long enrolment(long program, String start, String end, List<Long> blocks) {
		return created(coordinator.post("/api/programs/" + program + "/enrollments",
				Api.body("participantId", participant().id(), "startDate", start, "endDate", end, "blockIds", blocks)));
	}

	@Test
	void theStoredWeeksOfAYearMadeOverARunningEnrollmentEqualTheRecount() {
		assertThat(coordinator.post(YEAR_2027, null).status()).isEqualTo(200);

		// Mondays 4 January to 29 March 2027: thirteen weeks with its sessions
		assertThat(weeksIn2027(runningInto)).isEqualTo(13);
		assertThat(differencesOf(runningInto)).isEmpty();
	}

	@Test
	void aYearMadeAfterAnEnrollmentsLastDayLeavesItsWeeksAsTheyWere() {
		List<String> before = weeks(endedBefore);
		assertThat(before).hasSize(3);

		assertThat(coordinator.post(YEAR_2027, null).status()).isEqualTo(200);

		assertThat(weeks(endedBefore)).isEqualTo(before);
		assertThat(differencesOf(endedBefore)).isEmpty();
	}

	private long weeksIn2027(long enrollment) {
		return jdbc.queryForObject(
				"select count(*) from weekly_dose where enrollment_id = ? and week_monday >= date '2027-01-01'",
				Long.class, enrollment);
	}

	private List<String> weeks(long enrollment) {
		return jdbc.queryForList("select week_monday || ' ' || scheduled_minutes || ' ' || attended_minutes"
				+ " from weekly_dose where enrollment_id = ? order by week_monday", String.class, enrollment);
	}

	private List<String> differencesOf(long enrollment) {
		return stored.verify(clock.instant())
			.differences()
			.stream()
			.filter(d -> d.startsWith("Key[enrollmentId=" + enrollment + ","))
			.toList();
	}

}
