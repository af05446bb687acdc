package org.iopscheduler.dose;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.attendance.AttendanceMarkRepository;
import org.iopscheduler.calendar.DatedSessionRepository;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.EnrollmentRepository;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.ProgramRepository;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The weekly dose reports: a program's week, and a participant's range of weeks. */
@Service
@RequiredArgsConstructor
public class DoseReports {

	/** How far back a run of under-dosed weeks is counted. */
	static final int STREAK_WEEKS = 12;

	static final int MAX_RANGE_WEEKS = 104;

	private final Programs programs;

	private final ProgramRepository programRepository;

	private final EnrollmentRepository enrollments;

	private final DatedSessionRepository sessions;

	private final AttendanceMarkRepository marks;

	private final SessionMaker maker;

	private final Clock clock;

	public record ParticipantDose(long participantId, long enrollmentId, WeeklyDose dose,
			int consecutiveUnderDosedWeeks) {
	}

	public record ProgramDose(Program program, IsoWeek week, List<ParticipantDose> participants) {
	}

	/** Every participant enrolled in the program that week, in a constant number of queries. */
	@Transactional(readOnly = true)
	public ProgramDose program(long programId, IsoWeek week) {
		Program program = programs.get(programId);
		IsoWeek first = week.plusWeeks(-(STREAK_WEEKS - 1));
		maker.ensure(programId, first.monday(), week.sunday());
		return read(program, week, first);
	}

	private ProgramDose read(Program program, IsoWeek week, IsoWeek first) {
		long programId = program.getId();
		List<Enrollment> enrolled = enrollments.findInProgramDuring(programId, week.monday(), week.sunday());
		WeekOfSessions loaded = new WeekOfSessions(sessions.findInProgram(programId, first.monday(), week.sunday()),
				marks.findInProgram(programId, first.monday(), week.sunday()));
		ZoneId zone = program.zone();
		int minimum = program.getMinimumWeeklyMinutes();
		Instant now = clock.instant();
		List<ParticipantDose> rows = new ArrayList<>();
		for (Enrollment enrollment : enrolled) {
			WeeklyDose dose = loaded.dose(enrollment, week, zone, minimum, now);
			rows.add(new ParticipantDose(enrollment.getParticipantId(), enrollment.getId(), dose,
					streak(enrollment, dose, loaded, zone, minimum, now)));
		}
		return new ProgramDose(program, week, rows);
	}

	/**
	 * Consecutive under-dosed weeks ending with this one, or, while this week is still running,
	 * ending with the week before: the run a coordinator must act on.
	 */
	private static int streak(Enrollment enrollment, WeeklyDose current, WeekOfSessions loaded, ZoneId zone,
			int minimum, Instant now) {
		IsoWeek week = current.week();
		if (current.status() != DoseStatus.UNDER_DOSED) {
			if (!now.isBefore(week.end(zone))) {
				return 0;
			}
			week = week.plusWeeks(-1);
		}
		int count = 0;
		while (count < STREAK_WEEKS && week.compareTo(current.week().plusWeeks(-STREAK_WEEKS)) > 0
				&& loaded.dose(enrollment, week, zone, minimum, now).status() == DoseStatus.UNDER_DOSED) {
			count++;
			week = week.plusWeeks(-1);
		}
		return count;
	}

	/** One participant's weeks from {@code from} to {@code to}; weeks without an enrollment are left out. */
	@Transactional(readOnly = true)
	public List<WeeklyDose> participant(long participantId, IsoWeek from, IsoWeek to) {
		if (from.compareTo(to) > 0) {
			throw new InvalidInput("from: " + from + " is after to " + to);
		}
		if (from.plusWeeks(MAX_RANGE_WEEKS).compareTo(to) <= 0) {
			throw new InvalidInput("to: at most " + MAX_RANGE_WEEKS + " weeks per request");
		}
		List<Enrollment> enrolled = enrollments.findOfParticipantDuring(participantId, from.monday(), to.sunday());
		Set<Long> programIds = new LinkedHashSet<>();
		enrolled.forEach(e -> programIds.add(e.getProgramId()));
		if (programIds.isEmpty()) {
			return List.of();
		}
		maker.ensure(programIds, from.monday(), to.sunday());
		Map<Long, Program> byId = new java.util.HashMap<>();
		programRepository.findAllById(programIds).forEach(p -> byId.put(p.getId(), p));
		WeekOfSessions loaded = new WeekOfSessions(sessions.findInPrograms(programIds, from.monday(), to.sunday()),
				marks.findOfParticipant(participantId, from.monday(), to.sunday()));
		Instant now = clock.instant();
		List<WeeklyDose> weeks = new ArrayList<>();
		for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
			WeeklyDose total = null;
			for (Enrollment enrollment : enrolled) {
				if (!enrollment.overlaps(week.monday(), week.sunday())) {
					continue;
				}
				Program program = byId.get(enrollment.getProgramId());
				WeeklyDose dose = loaded.dose(enrollment, week, program.zone(), program.getMinimumWeeklyMinutes(), now);
				total = total == null ? dose : total.plus(dose);
			}
			if (total != null) {
				weeks.add(total);
			}
		}
		return weeks;
	}

}
