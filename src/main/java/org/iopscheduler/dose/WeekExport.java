package org.iopscheduler.dose;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import tools.jackson.databind.SequenceWriter;

import org.iopscheduler.attendance.Attendance;
import org.iopscheduler.attendance.AttendanceMark;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Names;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.Csv;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A program's week as CSV for billing: one line per participant and session. */
@Service
@RequiredArgsConstructor
public class WeekExport {

	static final List<String> HEADER = List.of("participant_id", "participant", "date", "start_time", "session_id",
			"session", "type", "minutes_scheduled", "minutes_attended", "attendance", "weekly_status");

	private final Programs programs;

	private final Enrollments enrollments;

	private final Sessions sessions;

	private final Attendance attendance;

	private final Names people;

	private final SessionMaker maker;

	private final ClinicCalendar calendar;

	@Transactional(readOnly = true)
	public String csv(long programId, IsoWeek week) {
		Program program = programs.get(programId);
		maker.ensure(programId, week.monday(), week.sunday());
		List<Enrollment> enrolled = enrollments.ofProgram(programId, week.monday(), week.sunday());
		WeekOfSessions loaded = new WeekOfSessions(sessions.inProgram(programId, week.monday(), week.sunday()),
				attendance.inProgram(programId, week.monday(), week.sunday()));
		Map<Long, String> names = people.of(enrolled.stream().map(Enrollment::getParticipantId).toList());
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
