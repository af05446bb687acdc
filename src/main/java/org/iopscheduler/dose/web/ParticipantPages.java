package org.iopscheduler.dose.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.attendance.AttendanceMark;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.attendance.ParticipantAttendance;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.contact.Consents;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.dose.DoseReports;
import org.iopscheduler.dose.WeeklyDose;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.enrollment.ParticipantSchedules;
import org.iopscheduler.enrollment.ParticipantZones;
import org.iopscheduler.enrollment.ScheduledSession;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.Names;
import org.iopscheduler.people.People;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A participant's page for staff: enrolments and plans, attended minutes per week against
 * the minimum, and the attendance history. A participant who opens it sees only their
 * own.
 */
@PageController
@RequiredArgsConstructor
class ParticipantPages {

	static final int WEEKS_SHOWN = 12;

	private final People people;

	private final Enrollments enrollments;

	private final Programs programs;

	private final Blocks blocks;

	private final DoseReports reports;

	private final ParticipantSchedules schedules;

	private final ParticipantAttendance attendance;

	private final Names names;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	private final ParticipantZones zones;

	private final Consents consents;

	record PlanLine(String title, BlockType type, String when, String duration, String counselor) {
	}

	record EnrollmentCard(long id, Program program, LocalDate startDate, LocalDate lastDay, boolean discharged,
			String dischargeReason, List<PlanLine> plan, int plannedMinutes, boolean current) {
	}

	record HistoryRow(String day, String time, String title, BlockType type, AttendanceStatus status, boolean cancelled,
			String minutes, String markedBy) {
	}

	@Audited(value = AuditAction.READ_PARTICIPANT, whose = Whose.PAGE)
	@GetMapping("/participants/{participantId}")
	String participant(@PathVariable long participantId, @AuthenticationPrincipal SignedIn me, Model model) {
		if (!me.role().isStaff()) {
			if (me.id() == participantId) {
				return "redirect:/me";
			}
			// another participant's page: nothing of it, not even whether it exists
			throw new NotFound("no participant with id " + participantId);
		}
		Account participant = people.participant(participantId);
		Instant now = calendar.now();
		List<Enrollment> theirs = enrollments.ofParticipant(participantId)
			.stream()
			.map(e -> enrollments.get(e.getId()))
			.sorted(Comparator.comparing(Enrollment::getStartDate).reversed())
			.toList();
		// the participant's own week, as their page and /api/me show it
		LocalDate today = calendar.today(zones.zoneOf(participantId));
		IsoWeek thisWeek = IsoWeek.of(today);
		IsoWeek firstWeek = thisWeek.plusWeeks(-(WEEKS_SHOWN - 1));

		List<EnrollmentCard> cards = theirs.stream().map(this::card).toList();
		Map<IsoWeek, WeeklyDose> doses = new HashMap<>();
		reports.participant(participantId, firstWeek, thisWeek).forEach(d -> doses.put(d.week(), d));
		List<IsoWeek> weeks = IsoWeek.between(firstWeek, thisWeek);
		int minimum = doses.values()
			.stream()
			.mapToInt(WeeklyDose::minimumWeeklyMinutes)
			.max()
			.orElse(theirs.isEmpty() ? 0 : programs.get(theirs.get(0).getProgramId()).getMinimumWeeklyMinutes());

		for (AuditAction shown : List.of(AuditAction.READ_PARTICIPANT, AuditAction.READ_ENROLLMENTS,
				AuditAction.READ_DOSAGE, AuditAction.READ_ATTENDANCE)) {
			audit.record(shown, List.of(participantId));
		}
		audit.record(AuditAction.READ_CONSENT, List.of(participantId));
		model.addAttribute("consents", consents.current(participantId));
		model.addAttribute("consentChannels", ContactChannel.values());
		model.addAttribute("consentAction", "/participants/" + participantId + "/consents");
		model.addAttribute("participant", participant);
		model.addAttribute("enrollments", cards);
		model.addAttribute("chart", DoseChart.of(weeks, doses, minimum));
		List<WeeklyDose> newestFirst = new ArrayList<>(
				weeks.stream().filter(doses::containsKey).map(doses::get).toList());
		Collections.reverse(newestFirst);
		model.addAttribute("weeks", newestFirst);
		model.addAttribute("minimumText", PageFormat.hours(minimum));
		model.addAttribute("history", history(participantId, firstWeek.monday(), today, now));
		return "dose/participant";
	}

	private EnrollmentCard card(Enrollment e) {
		Program program = programs.get(e.getProgramId());
		LocalDate today = calendar.today(program);
		LocalDate on = today.isBefore(e.getStartDate()) ? e.getStartDate()
				: e.lastDay() != null && today.isAfter(e.lastDay()) ? e.lastDay() : today;
		Set<Long> ids = e.planOn(on);
		List<WeeklyBlock> planned = blocks.ofProgram(program.getId())
			.stream()
			.filter(b -> ids.contains(b.getId()))
			.toList();
		Map<Long, String> counselors = names
			.of(planned.stream().map(b -> b.versionAround(on).getCounselorId()).toList());
		List<PlanLine> lines = new ArrayList<>();
		int minutes = 0;
		for (WeeklyBlock b : planned) {
			var v = b.versionAround(on);
			minutes += v.getDurationMinutes();
			lines.add(new PlanLine(b.getTitle(), b.getType(),
					PageFormat.dayName(v.getDayOfWeek()) + " " + PageFormat.time(v.getStartTime()) + "–"
							+ PageFormat.time(v.slot().end()),
					PageFormat.hours(v.getDurationMinutes()), counselors.get(v.getCounselorId())));
		}
		return new EnrollmentCard(e.getId(), program, e.getStartDate(), e.lastDay(), e.isDischarged(),
				e.getDischargeReason(), lines, minutes, e.covers(today));
	}

	private List<HistoryRow> history(long participantId, LocalDate from, LocalDate to, Instant now) {
		List<ScheduledSession> past = schedules.between(participantId, from, to)
			.stream()
			.filter(s -> s.session().hasStartedAt(now, s.zone()))
			.toList();
		Map<Long, AttendanceMark> marks = attendance.bySession(participantId, from, to);
		Set<Long> markers = new HashSet<>();
		marks.values().forEach(m -> markers.add(m.getMarkedBy()));
		Map<Long, String> known = names.of(markers);
		List<HistoryRow> rows = new ArrayList<>();
		List<ScheduledSession> newestFirst = new ArrayList<>(past);
		Collections.reverse(newestFirst);
		for (ScheduledSession scheduled : newestFirst) {
			DatedSession s = scheduled.session();
			AttendanceMark mark = marks.get(s.getId());
			rows.add(new HistoryRow(PageFormat.day(s.getDate()),
					PageFormat.timeRange(s.startsAt(scheduled.zone()), s.endsAt(scheduled.zone())), s.getTitle(),
					s.getType(), mark == null ? null : mark.getStatus(), s.isCancelled(),
					mark == null ? "" : PageFormat.hours(mark.getMinutesAttended()),
					mark == null ? "" : known.get(mark.getMarkedBy())));
		}
		return rows;
	}

}
