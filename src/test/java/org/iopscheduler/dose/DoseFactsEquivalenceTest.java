package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.iopscheduler.attendance.internal.AttendanceMarkRepository;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.internal.DatedSessionRepository;
import org.iopscheduler.dose.DoseFacts.Scope;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.internal.EnrollmentRepository;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.Test;

/**
 * The dose added up in SQL is the dose added up in memory ({@link WeekOfSessions}, the
 * rules as first written), for every enrollment and week of a varied program, at several
 * moments.
 */
@Import(VariedPrograms.class)
class DoseFactsEquivalenceTest extends ApplicationTest {

	@Autowired
	VariedPrograms varied;

	@Autowired
	DoseFacts facts;

	@Autowired
	Programs programs;

	@Autowired
	EnrollmentRepository enrollments;

	@Autowired
	DatedSessionRepository sessions;

	@Autowired
	AttendanceMarkRepository marks;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theSqlDoseEqualsTheInMemoryDoseForEveryEnrollmentWeekAndMoment() {
		List<Long> ids = List.of(varied.build("America/New_York", 10, 1), varied.build("Australia/Sydney", 9, 2));
		IsoWeek last = VariedPrograms.THIS_WEEK.plusWeeks(1);
		List<Instant> moments = List.of(NOW, Instant.parse("2026-11-23T14:05:00Z"),
				Instant.parse("2026-11-26T23:00:00Z"), Instant.parse("2026-11-30T05:00:00Z"),
				Instant.parse("2026-12-07T12:00:00Z"));
		int compared = 0;
		java.util.Set<DoseStatus> seen = java.util.EnumSet.noneOf(DoseStatus.class);
		for (Instant now : moments) {
			Map<String, WeeklyDose> inMemory = inMemory(ids, VariedPrograms.FIRST, last, now);
			Map<String, WeeklyDose> inSql = new LinkedHashMap<>();
			List<String> zones = ids.stream().map(id -> programs.get(id).getTimeZone()).toList();
			facts.forEach(new Scope(ids, null, VariedPrograms.FIRST, last, VariedPrograms.FIRST, last, zones, false),
					now, e -> {
						for (IsoWeek w = VariedPrograms.FIRST; w.compareTo(last) <= 0; w = w.plusWeeks(1)) {
							inSql.put(e.enrollmentId() + "@" + w, e.dose(w, now));
						}
					});
			assertThat(inSql).as("at " + now).isEqualTo(inMemory);
			compared += inSql.size();
			inSql.values().forEach(d -> seen.add(d.status()));
		}
		assertThat(compared).isEqualTo(5 * 19 * 10);
		assertThat(seen).as("a varied program").containsExactlyInAnyOrder(DoseStatus.values());
	}

	@Autowired
	DoseReports reports;

	@Test
	void aParticipantsWeeksInSqlEqualTheirWeeksInMemory() {
		long programId = varied.build("America/Chicago", 8, 3);
		IsoWeek last = VariedPrograms.THIS_WEEK.plusWeeks(1);
		for (Instant now : List.of(NOW, Instant.parse("2026-11-30T05:00:00Z"))) {
			clock.set(now);
			Map<String, WeeklyDose> all = inMemory(List.of(programId), VariedPrograms.FIRST, last, now);
			new TransactionTemplate(transactions).executeWithoutResult(tx -> {
				for (Enrollment enrollment : enrollments.findInProgramDuring(programId, VariedPrograms.FIRST.monday(),
						last.sunday())) {
					List<WeeklyDose> expected = new ArrayList<>();
					for (IsoWeek w = VariedPrograms.FIRST; w.compareTo(last) <= 0; w = w.plusWeeks(1)) {
						if (enrollment.overlaps(w.monday(), w.sunday())) {
							expected.add(all.get(enrollment.getId() + "@" + w));
						}
					}
					assertThat(reports.participant(enrollment.getParticipantId(), VariedPrograms.FIRST, last))
						.as("participant " + enrollment.getParticipantId() + " at " + now)
						.isEqualTo(expected)
						.isNotEmpty();
				}
			});
		}
	}

	private Map<String, WeeklyDose> inMemory(List<Long> ids, IsoWeek first, IsoWeek last, Instant now) {
		Map<String, WeeklyDose> doses = new LinkedHashMap<>();
		new TransactionTemplate(transactions).executeWithoutResult(tx -> {
			for (long id : ids) {
				Program program = programs.get(id);
				ZoneId zone = program.zone();
				WeekOfSessions loaded = new WeekOfSessions(sessions.findInProgram(id, first.monday(), last.sunday()),
						marks.findInProgram(id, first.monday(), last.sunday()));
				List<Enrollment> enrolled = new ArrayList<>(
						enrollments.findInProgramDuring(id, first.monday(), last.sunday()));
				for (Enrollment enrollment : enrolled) {
					for (IsoWeek w = first; w.compareTo(last) <= 0; w = w.plusWeeks(1)) {
						doses.put(enrollment.getId() + "@" + w,
								loaded.dose(enrollment, w, zone, program.getMinimumWeeklyMinutes(), now));
					}
				}
			}
		});
		return doses;
	}

}
