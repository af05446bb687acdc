package org.iopscheduler.dose;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.dose.DoseFacts.EnrollmentWeeks;
import org.iopscheduler.dose.DoseFacts.Scope;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.InvalidInput;
import org.springframework.stereotype.Service;

/** The weekly dose reports: a program's week, and a participant's range of weeks. */
@Service
@RequiredArgsConstructor
public class DoseReports {

	/** How far back a run of under-dosed weeks is counted. */
	static final int STREAK_WEEKS = 12;

	static final int MAX_RANGE_WEEKS = 104;

	private final Programs programs;

	private final Enrollments enrollments;

	private final StoredDoses stored;

	private final SessionMaker maker;

	private final ClinicCalendar calendar;

	public record ParticipantDose(long participantId, long enrollmentId, WeeklyDose dose,
			int consecutiveUnderDosedWeeks) {
	}

	public record ProgramDose(Program program, IsoWeek week, List<ParticipantDose> participants) {
	}

	/**
	 * Every participant enrolled in the program that week, in a constant number of
	 * queries. No transaction around it: the numbers come from one statement, and making
	 * missing sessions takes a connection of its own, which must not wait behind a
	 * connection this request already holds.
	 */
	public ProgramDose program(long programId, IsoWeek week) {
		Program program = programs.get(programId);
		IsoWeek first = week.plusWeeks(-(STREAK_WEEKS - 1));
		maker.ensure(programId, first.monday(), week.sunday());
		return read(program, week, first);
	}

	private ProgramDose read(Program program, IsoWeek week, IsoWeek first) {
		Instant now = calendar.now();
		List<ParticipantDose> rows = new ArrayList<>();
		stored.forEach(Scope.programs(List.of(program.getId()), first, week, List.of(program.getTimeZone()), false),
				now, enrollment -> {
					WeeklyDose dose = enrollment.dose(week, now);
					rows.add(new ParticipantDose(enrollment.participantId(), enrollment.enrollmentId(), dose,
							streak(enrollment, dose, now)));
				});
		return new ProgramDose(program, week, rows);
	}

	/**
	 * Consecutive under-dosed weeks ending with this one, or, while this week is still
	 * running, ending with the week before: the run a coordinator must act on.
	 */
	private static int streak(EnrollmentWeeks enrollment, WeeklyDose current, Instant now) {
		IsoWeek week = current.week();
		if (current.status() != DoseStatus.UNDER_DOSED) {
			if (!now.isBefore(week.end(ZoneId.of(enrollment.timeZone())))) {
				return 0;
			}
			week = week.plusWeeks(-1);
		}
		int count = 0;
		while (count < STREAK_WEEKS && week.compareTo(current.week().plusWeeks(-STREAK_WEEKS)) > 0
				&& enrollment.dose(week, now).status() == DoseStatus.UNDER_DOSED) {
			count++;
			week = week.plusWeeks(-1);
		}
		return count;
	}

	/**
	 * One participant's weeks from {@code from} to {@code to}; weeks without an
	 * enrollment are left out.
	 */
	public List<WeeklyDose> participant(long participantId, IsoWeek from, IsoWeek to) {
		if (from.compareTo(to) > 0) {
			throw new InvalidInput("from: " + from + " is after to " + to);
		}
		if (from.plusWeeks(MAX_RANGE_WEEKS).compareTo(to) <= 0) {
			throw new InvalidInput("to: at most " + MAX_RANGE_WEEKS + " weeks per request");
		}
		List<Enrollment> enrolled = enrollments.ofParticipantDuring(participantId, from.monday(), to.sunday());
		Set<Long> programIds = new LinkedHashSet<>();
		enrolled.forEach(e -> programIds.add(e.getProgramId()));
		if (programIds.isEmpty()) {
			return List.of();
		}
		maker.ensure(programIds, from.monday(), to.sunday());
		Set<String> zones = new TreeSet<>();
		programs.byIds(programIds).forEach(p -> zones.add(p.getTimeZone()));
		Instant now = calendar.now();
		List<EnrollmentWeeks> mine = new ArrayList<>();
		stored.forEach(Scope.participant(participantId, from, to, zones), now, mine::add);
		List<WeeklyDose> weeks = new ArrayList<>();
		for (IsoWeek week : IsoWeek.between(from, to)) {
			WeeklyDose total = null;
			for (EnrollmentWeeks enrollment : mine) {
				if (!enrollment.overlaps(week)) {
					continue;
				}
				WeeklyDose dose = enrollment.dose(week, now);
				total = total == null ? dose : total.plus(dose);
			}
			if (total != null) {
				weeks.add(total);
			}
		}
		return weeks;
	}

}
