package org.iopscheduler.dose.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.attendance.AbsenceNotices;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.dose.DoseReports;
import org.iopscheduler.dose.WeeklyDose;
import org.iopscheduler.people.Names;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The coordinator's make-up list: every "I can't come" notice with no make-up arranged
 * yet, newest session first, with the minutes the week will miss and the participant's
 * scheduled minutes that week against the program's minimum (the dose's own numbers). A
 * page of the dose module: attendance owns the notices, and may not ask the dose.
 */
@PageController
@RequiredArgsConstructor
class MakeUpListPages {

	/** The list looks this many days back and ahead. */
	static final int DAYS = 28;

	private final AbsenceNotices notices;

	private final DoseReports doses;

	private final Programs programs;

	private final Names names;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	record Line(long sessionId, long participantId, String name, String program, String title, String when,
			int minutesMissed, String missed, String scheduled, String minimum, boolean below, String givenAt) {
	}

	@Audited(value = AuditAction.READ_ABSENCE_NOTICES, whose = Whose.PAGE)
	@GetMapping("/make-up-list")
	String list(Model model) {
		LocalDate today = calendar.today(calendar.organisationZone());
		List<AbsenceNotices.Open> open = notices.withoutMakeUp(null, today.minusDays(DAYS), today.plusDays(DAYS));
		Set<Long> participants = new HashSet<>();
		open.forEach(o -> participants.add(o.notice().getParticipantId()));
		audit.record(AuditAction.READ_ABSENCE_NOTICES, participants);
		Map<Long, String> known = names.of(participants);
		Map<Long, Program> byId = new HashMap<>();
		List<Line> lines = new ArrayList<>();
		for (AbsenceNotices.Open o : open) {
			DatedSession s = o.session();
			Program program = byId.computeIfAbsent(s.getProgramId(), programs::get);
			ZoneId zone = program.zone();
			long participant = o.notice().getParticipantId();
			IsoWeek week = IsoWeek.of(s.getDate());
			WeeklyDose dose = doses.participant(participant, week, week).stream().findFirst().orElse(null);
			lines.add(new Line(s.getId(), participant, known.get(participant), program.getName(), s.getTitle(),
					PageFormat.day(s.getDate()) + " · " + PageFormat.timeRange(s.startsAt(zone), s.endsAt(zone)),
					o.minutesMissed(), PageFormat.hours(o.minutesMissed()),
					dose == null ? null : PageFormat.hours(dose.scheduledMinutes()),
					dose == null ? null : PageFormat.hours(dose.minimumWeeklyMinutes()),
					dose != null && dose.scheduledMinutes() - o.minutesMissed() < dose.minimumWeeklyMinutes(),
					PageFormat.day(o.notice().getGivenAt().atZone(zone).toLocalDate())));
		}
		model.addAttribute("lines", lines);
		model.addAttribute("span", PageFormat.days(today.minusDays(DAYS), today.plusDays(DAYS)));
		return "dose/make-up-list";
	}

}
