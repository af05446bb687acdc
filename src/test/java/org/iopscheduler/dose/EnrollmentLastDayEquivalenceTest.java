package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An enrollment's last day has one owner,
 * {@link Enrollment#lastDay(LocalDate, LocalDate)}; SQL asks its one twin, the
 * {@code enrollment_last_day} view (V8). For every enrollment (open, ended, discharged
 * before its end, on its end, discharged with no end) both give the same day.
 */
@Import(VariedPrograms.class)
class EnrollmentLastDayEquivalenceTest extends ApplicationTest {

	@Autowired
	VariedPrograms varied;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theViewsLastDayIsTheEnrollmentsLastDayForEveryEnrollment() {
		varied.build("America/New_York", 8, 6);
		long program = program("ADULT", "America/New_York");
		long block = block(program, counselor().id(), "MONDAY", "09:00", 540);
		discharge(enrolUntil(program, block, "2026-11-02", "2027-01-31"), "2026-12-14");
		discharge(enrolUntil(program, block, "2026-11-02", "2027-01-31"), "2027-01-31");
		discharge(created(enrol(program, participant().id(), "2026-11-02", List.of(block))), "2026-11-30");
		enrolUntil(program, block, "2026-11-02", "2026-12-20");

		Set<String> kinds = new HashSet<>();
		jdbc.query("select e.end_date, e.discharge_date, l.last_day from enrollment e"
				+ " join enrollment_last_day l on l.enrollment_id = e.id", rs -> {
					LocalDate end = rs.getObject("end_date", LocalDate.class);
					LocalDate discharge = rs.getObject("discharge_date", LocalDate.class);
					LocalDate inSql = rs.getObject("last_day", LocalDate.class);
					assertThat(inSql).as("end " + end + ", discharge " + discharge)
						.isEqualTo(Enrollment.lastDay(end, discharge));
					kinds.add(kind(end, discharge));
				});
		assertThat(kinds).containsExactlyInAnyOrder("open", "ends", "discharged", "discharged before its end",
				"discharged on its end");
	}

	private static String kind(LocalDate end, LocalDate discharge) {
		if (discharge == null) {
			return end == null ? "open" : "ends";
		}
		if (end == null) {
			return "discharged";
		}
		return Objects.equals(end, discharge) ? "discharged on its end" : "discharged before its end";
	}

	private long enrolUntil(long program, long block, String start, String end) {
		return created(coordinator.post("/api/programs/" + program + "/enrollments", Api.body("participantId",
				participant().id(), "startDate", start, "endDate", end, "blockIds", List.of(block))));
	}

	private void discharge(long enrollment, String date) {
		assertThat(coordinator
			.post("/api/enrollments/" + enrollment + "/discharge", Api.body("date", date, "reason", "completed"))
			.status()).isEqualTo(200);
	}

}
