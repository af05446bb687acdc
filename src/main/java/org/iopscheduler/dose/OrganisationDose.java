package org.iopscheduler.dose;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.dose.DoseFacts.EnrollmentWeeks;
import org.iopscheduler.dose.DoseFacts.Scope;
import org.iopscheduler.program.Programs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every program's participants for one week, for coordinators: one statement, rows handed
 * on as the database returns them (ordered by program, then participant), so 20,000 rows
 * are never held at once.
 */
@Service
@RequiredArgsConstructor
public class OrganisationDose {

	private final Programs programs;

	private final SessionMaker maker;

	private final StoredDoses stored;

	private final JdbcTemplate jdbc;

	private final ClinicCalendar calendar;

	/** One participant's week in the organisation report. */
	public record Row(long programId, long participantId, long enrollmentId, WeeklyDose dose) {
	}

	/**
	 * Which programs (their ids and zones) a report covers; their sessions of the week
	 * exist after this.
	 */
	public record Selection(IsoWeek week, List<Long> programIds, Set<String> zones, Set<DoseStatus> statuses) {
	}

	/**
	 * Checks the program, makes the week's sessions; call before the response starts, so
	 * errors are problems. Without a week: this week in the organisation's zone, or in
	 * the program's when the report is narrowed to one (it then names the same week as
	 * that program's own report).
	 */
	public Selection select(IsoWeek week, Long programId, Set<DoseStatus> statuses) {
		List<Long> ids = new ArrayList<>();
		Set<String> zones = new TreeSet<>();
		IsoWeek which;
		if (programId != null) {
			var program = programs.get(programId);
			ids.add(program.getId());
			zones.add(program.getTimeZone());
			which = week != null ? week : calendar.thisWeek(program);
		}
		else {
			jdbc.query("select id, time_zone from program", rs -> {
				ids.add(rs.getLong(1));
				zones.add(rs.getString(2));
			});
			which = week != null ? week : calendar.thisWeek(calendar.organisationZone());
		}
		maker.ensure(ids, which.monday(), which.sunday());
		return new Selection(which, ids, zones, statuses);
	}

	/** The selection's rows, one at a time, ordered by program and participant. */
	@Transactional(readOnly = true)
	public void rows(Selection selection, java.util.function.Consumer<Row> each) {
		if (selection.programIds().isEmpty()) {
			return;
		}
		Instant now = calendar.now();
		IsoWeek week = selection.week();
		// all programs: no id list to send (200 ids would only slow the plan down)
		Scope scope = Scope.programs(selection.programIds().size() == 1 ? selection.programIds() : null, week, week,
				selection.zones(), true);
		stored.forEach(scope, now, (EnrollmentWeeks enrollment) -> {
			WeeklyDose dose = enrollment.dose(week, now);
			if (selection.statuses().isEmpty() || selection.statuses().contains(dose.status())) {
				each.accept(
						new Row(enrollment.programId(), enrollment.participantId(), enrollment.enrollmentId(), dose));
			}
		});
	}

}
