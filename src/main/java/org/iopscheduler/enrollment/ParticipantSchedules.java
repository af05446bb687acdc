package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.internal.EnrollmentRepository;
import org.iopscheduler.program.Programs;
import org.springframework.stereotype.Service;

/** One participant's own sessions, across the programs they are enrolled in. */
@Service
@RequiredArgsConstructor
public class ParticipantSchedules {

	private final EnrollmentRepository enrollments;

	private final Sessions sessions;

	private final Programs programs;

	private final SessionMaker maker;

	/**
	 * Sessions of the week (Monday to Sunday in each program's own zone) the participant
	 * is expected at.
	 */
	public List<ScheduledSession> week(long participantId, IsoWeek week) {
		return between(participantId, week.monday(), week.sunday());
	}

	public List<ScheduledSession> between(long participantId, LocalDate from, LocalDate to) {
		List<Enrollment> mine = enrollments.findOfParticipantDuring(participantId, from, to);
		// only these programs: a make-up expects its participant only under an enrollment
		// in its program covering its day (Enrollment.expects), which is one of these
		Set<Long> programIds = new LinkedHashSet<>();
		mine.forEach(e -> programIds.add(e.getProgramId()));
		if (programIds.isEmpty()) {
			return List.of();
		}
		maker.ensure(programIds, from, to);
		Map<Long, ZoneId> zones = new HashMap<>();
		programIds.forEach(programId -> zones.put(programId, programs.zoneOf(programId)));
		// a query per program (a participant has one or two): Hibernate caches the
		// translation of a
		// query with a single id, while one with a list of ids is translated again on
		// every call
		List<DatedSession> inPrograms = new ArrayList<>();
		programIds.forEach(programId -> inPrograms.addAll(sessions.inProgram(programId, from, to)));
		return inPrograms.stream()
			.filter(s -> expects(s, participantId, mine))
			.map(s -> new ScheduledSession(s, zones.get(s.getProgramId())))
			.sorted(Comparator.comparing(s -> s.session().startsAt(s.zone()).toInstant()))
			.toList();
	}

	private static boolean expects(DatedSession session, long participantId, List<Enrollment> mine) {
		return mine.stream().anyMatch(e -> e.getParticipantId() == participantId && e.expects(session));
	}

}
