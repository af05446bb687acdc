package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.enrollment.internal.EnrollmentRepository;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which zone a participant's "today" and "this week" are taken in: their current
 * program's. Asked by {@code /api/me/*}, a participant's own page and staff's page of
 * them, so all show the same week.
 */
@Service
@RequiredArgsConstructor
public class ParticipantZones {

	private final EnrollmentRepository enrollments;

	private final Programs programs;

	private final ClinicCalendar calendar;

	/**
	 * Two statements (the participant's enrollments, their programs), whatever the
	 * history.
	 */
	@Transactional(readOnly = true)
	public ZoneId zoneOf(long participantId) {
		List<Enrollment> theirs = enrollments.findByParticipantIdOrderByStartDate(participantId);
		if (theirs.isEmpty()) {
			return calendar.organisationZone();
		}
		Map<Long, ZoneId> zones = programs.byIds(theirs.stream().map(Enrollment::getProgramId).toList())
			.stream()
			.collect(Collectors.toMap(Program::getId, Program::zone));
		return current(theirs, zones, calendar).map(e -> zones.get(e.getProgramId()))
			.orElse(calendar.organisationZone());
	}

	/**
	 * The current program, first rule that applies: (1) the enrollment covering today in
	 * its own program's zone; on a transfer day seen across zones both may, and the later
	 * start wins (the participant has moved on); (2) else the one that ended last, where
	 * their recent weeks were lived; (3) else the next to start. With no enrollment at
	 * all the caller takes the organisation's zone.
	 */
	static Optional<Enrollment> current(List<Enrollment> theirs, Map<Long, ZoneId> zones, ClinicCalendar calendar) {
		Function<Enrollment, LocalDate> today = e -> calendar.today(zones.get(e.getProgramId()));
		Optional<Enrollment> covering = theirs.stream()
			.filter(e -> e.covers(today.apply(e)))
			.max(Comparator.comparing(Enrollment::getStartDate));
		if (covering.isPresent()) {
			return covering;
		}
		Optional<Enrollment> ended = theirs.stream()
			.filter(e -> e.lastDay() != null && e.lastDay().isBefore(today.apply(e)))
			.max(Comparator.comparing(Enrollment::lastDay));
		if (ended.isPresent()) {
			return ended;
		}
		return theirs.stream()
			.filter(e -> e.getStartDate().isAfter(today.apply(e)))
			.min(Comparator.comparing(Enrollment::getStartDate));
	}

}
