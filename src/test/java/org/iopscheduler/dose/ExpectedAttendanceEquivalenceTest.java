package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.internal.DatedSessionRepository;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.internal.EnrollmentRepository;
import org.iopscheduler.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.Test;

/**
 * Who is expected at a session has one owner, {@link Enrollment#expects}; SQL asks its
 * one twin, the {@code expected_attendance} view (V8). On varied programs (plan changes,
 * a discharge and an end in mid-week, make-ups, cancellations, two zones) both name the
 * same enrollments at the same sessions.
 */
@Import(VariedPrograms.class)
class ExpectedAttendanceEquivalenceTest extends ApplicationTest {

	@Autowired
	VariedPrograms varied;

	@Autowired
	EnrollmentRepository enrollments;

	@Autowired
	DatedSessionRepository sessions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theViewExpectsExactlyWhomTheEnrollmentExpectsAtEverySession() {
		List<Long> ids = List.of(varied.build("America/New_York", 10, 4), varied.build("Australia/Sydney", 9, 5));
		IsoWeek last = VariedPrograms.THIS_WEEK.plusWeeks(2);
		Set<String> inJava = new HashSet<>();
		Set<Long> makeUps = new HashSet<>();
		Set<Long> cancelled = new HashSet<>();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			for (long id : ids) {
				List<DatedSession> all = sessions.findInProgram(id, VariedPrograms.FIRST.monday(), last.sunday());
				for (Enrollment enrollment : enrollments.findInProgramDuring(id, VariedPrograms.FIRST.monday(),
						last.sunday())) {
					for (DatedSession session : all) {
						if (enrollment.expects(session)) {
							inJava.add(enrollment.getId() + "@" + session.getId());
							if (session.isMakeUp()) {
								makeUps.add(session.getId());
							}
							if (session.isCancelled()) {
								cancelled.add(session.getId());
							}
						}
					}
				}
			}
		});
		Set<String> inSql = new HashSet<>(jdbc.query(
				"select enrollment_id, session_id from expected_attendance"
						+ " where program_id in (?, ?) and session_date between ? and ?",
				(rs, i) -> rs.getLong("enrollment_id") + "@" + rs.getLong("session_id"), ids.get(0), ids.get(1),
				Date.valueOf(VariedPrograms.FIRST.monday()), Date.valueOf(last.sunday())));

		assertThat(inSql).isEqualTo(inJava);
		assertThat(inJava).as("a varied program").hasSizeGreaterThan(500);
		assertThat(makeUps).as("make-ups are expected of the participants they name").isNotEmpty();
		assertThat(cancelled).as("cancelled sessions are in the view; the dose leaves them out").isNotEmpty();
	}

}
