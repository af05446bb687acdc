package org.iopscheduler.dose.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.attendance.AbsenceNotices;
import org.iopscheduler.attendance.AttendanceMark;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.attendance.ParticipantAttendance;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.contact.Consents;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.LocationKind;
import org.iopscheduler.dose.DoseReports;
import org.iopscheduler.dose.DoseStatus;
import org.iopscheduler.dose.WeeklyDose;
import org.iopscheduler.enrollment.ParticipantSchedules;
import org.iopscheduler.enrollment.ParticipantZones;
import org.iopscheduler.enrollment.ScheduledSession;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A participant's own page: this week's sessions, hours so far against the minimum, past
 * weeks. Everything on it is read by the signed-in participant's own id; no other
 * participant's records are loaded, so none can show.
 */
@PageController
@RequiredArgsConstructor
class OwnPages {

	static final int PAST_WEEKS = 8;

	private final ParticipantSchedules schedules;

	private final ParticipantAttendance attendance;

	private final DoseReports reports;

	private final Programs programs;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	private final ParticipantZones zones;

	private final Consents consents;

	private final AbsenceNotices notices;

	/**
	 * {@code noticeSent}: the participant said they cannot come ("I can't come", offered
	 * while the session is still to come).
	 */
	record Entry(String day, String time, BlockType type, String title, String location, boolean video,
			boolean cancelled, String cancelReason, String program, AttendanceStatus attended, boolean past,
			long sessionId, boolean noticeSent) {
	}

	record Progress(String week, String label, int attended, int scheduled, int minimum, int percent,
			int scheduledPercent, DoseStatus status, String attendedText, String scheduledText, String minimumText) {
	}

	@Audited(value = AuditAction.READ_SCHEDULE, whose = Whose.PAGE)
	@GetMapping("/me")
	String mine(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) IsoWeek week, Model model) {
		Instant now = calendar.now();
		// the same week /api/me/schedule answers: the one of the participant's current
		// program
		IsoWeek thisWeek = calendar.thisWeek(zones.zoneOf(me.id()));
		IsoWeek shown = week != null ? week : thisWeek;

		List<ScheduledSession> sessions = schedules.week(me.id(), shown);
		Map<Long, AttendanceMark> marks = attendance.bySession(me.id(), shown.monday(), shown.sunday());
		java.util.Set<Long> noticed = notices.noticedBy(me.id(),
				sessions.stream().map(x -> x.session().getId()).toList());
		Map<Long, Program> byId = new java.util.HashMap<>();
		List<Entry> entries = new ArrayList<>();
		for (ScheduledSession scheduled : sessions) {
			DatedSession s = scheduled.session();
			Program program = byId.computeIfAbsent(s.getProgramId(), programs::get);
			AttendanceMark mark = marks.get(s.getId());
			entries.add(new Entry(PageFormat.longDay(s.getDate()),
					PageFormat.timeRange(s.startsAt(scheduled.zone()), s.endsAt(scheduled.zone())), s.getType(),
					s.getTitle(), s.getLocation(), s.getLocationKind() == LocationKind.VIDEO, s.isCancelled(),
					s.getCancelReason(), program.getName(), mark == null ? null : mark.getStatus(),
					s.hasStartedAt(now, scheduled.zone()), s.getId(), noticed.contains(s.getId())));
		}
		List<WeeklyDose> thisOne = reports.participant(me.id(), shown, shown);
		IsoWeek firstPast = thisWeek.plusWeeks(-PAST_WEEKS);
		List<WeeklyDose> past = new ArrayList<>(reports.participant(me.id(), firstPast, thisWeek.plusWeeks(-1)));
		past.sort(Comparator.comparing(WeeklyDose::week));
		Collections.reverse(past);

		audit.record(AuditAction.READ_SCHEDULE, List.of(me.id()));
		audit.record(AuditAction.READ_DOSAGE, List.of(me.id()));
		audit.record(AuditAction.READ_CONSENT, List.of(me.id()));
		model.addAttribute("consents", consents.current(me.id()));
		model.addAttribute("consentChannels", ContactChannel.values());
		model.addAttribute("consentAction", "/me/consents");
		model.addAttribute("week", shown);
		model.addAttribute("weekLabel", weekLabel(shown));
		model.addAttribute("isThisWeek", shown.equals(thisWeek));
		model.addAttribute("thisWeek", thisWeek);
		model.addAttribute("previousWeek", shown.plusWeeks(-1));
		model.addAttribute("nextWeek", shown.plusWeeks(1));
		model.addAttribute("entries", entries);
		model.addAttribute("progress", thisOne.isEmpty() ? null : progress(thisOne.get(0)));
		model.addAttribute("past", past.stream().map(OwnPages::progress).toList());
		return "dose/mine";
	}

	/** "30 Nov - 6 Dec": the days of the week in the participant's program's zone. */
	private static String weekLabel(IsoWeek week) {
		return PageFormat.days(week.monday(), week.sunday());
	}

	private static Progress progress(WeeklyDose dose) {
		int minimum = dose.minimumWeeklyMinutes();
		return new Progress(dose.week().toString(), weekLabel(dose.week()), dose.attendedMinutes(),
				dose.scheduledMinutes(), minimum, PageFormat.percent(dose.attendedMinutes(), minimum),
				PageFormat.percent(dose.scheduledMinutes(), minimum), dose.status(),
				PageFormat.hours(dose.attendedMinutes()), PageFormat.hours(dose.scheduledMinutes()),
				PageFormat.hours(minimum));
	}

}
