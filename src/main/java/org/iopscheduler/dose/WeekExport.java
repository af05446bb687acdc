package org.iopscheduler.dose;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import tools.jackson.databind.SequenceWriter;

import org.iopscheduler.attendance.AttendanceMark;
import org.iopscheduler.attendance.AttendanceMarkRepository;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.DatedSessionRepository;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.EnrollmentRepository;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.AccountRepository;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A program's week as CSV for billing: one line per participant and session. */
@Service
@RequiredArgsConstructor
public class WeekExport {

	static final List<String> HEADER = List.of("participant_id", "participant", "date", "start_time", "session_id",
			"session", "type", "minutes_scheduled", "minutes_attended", "attendance", "weekly_status");

	private final Programs programs;

	private final EnrollmentRepository enrollments;

	private final DatedSessionRepository sessions;

	private final AttendanceMarkRepository marks;

	private final AccountRepository accounts;

	private final SessionMaker maker;

	private final ClinicCalendar calendar;

	@Transactional(readOnly = true)
	public String csv(long programId, IsoWeek week) {
		Program program = programs.get(programId);
		maker.ensure(programId, week.monday(), week.sunday());
		List<Enrollment> enrolled = enrollments.findInProgramDuring(programId, week.monday(), week.sunday());
		WeekOfSessions loaded = new WeekOfSessions(sessions.findInProgram(programId, week.monday(), week.sunday()),
				marks.findInProgram(programId, week.monday(), week.sunday()));
		Map<Long, String> names = new HashMap<>();
		accounts.findByIdIn(enrolled.stream().map(Enrollment::getParticipantId).toList())
			.forEach(a -> names.put(a.getId(), a.getFullName()));
		ZoneId zone = program.zone();
		Instant now = calendar.now();
		StringWriter out = new StringWriter();
		try (SequenceWriter rows = Csv.rows(out, HEADER)) {
			for (Enrollment enrollment : enrolled) {
				long participant = enrollment.getParticipantId();
				WeeklyDose dose = loaded.dose(enrollment, week, zone, program.getMinimumWeeklyMinutes(), now);
				for (DatedSession session : loaded.sessionsOf(enrollment, week)) {
					AttendanceMark mark = loaded.markOf(session, participant);
					String attendance = session.isCancelled() ? "CANCELLED" : mark != null ? mark.getStatus().name()
							: session.hasStartedAt(now, zone) ? "UNMARKED" : "NOT_STARTED";
					rows.write(List.of(participant, Csv.text(names.get(participant)), session.getDate().toString(),
							session.getStartTime().toString(), session.getId(), Csv.text(session.getTitle()),
							session.getType().toString(), session.isCancelled() ? 0 : session.getDurationMinutes(),
							mark == null || session.isCancelled() ? 0 : mark.getMinutesAttended(), attendance,
							dose.status().name()));
				}
			}
		}
		return out.toString();
	}

}
