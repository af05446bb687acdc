package org.iopscheduler.attendance.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.attendance.AttendanceMark;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.attendance.ParticipantAttendance;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.CounselorAvailability;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.SessionHours;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.MakeUpRequest;
import org.iopscheduler.enrollment.MakeUps;
import org.iopscheduler.enrollment.ParticipantSchedules;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.enrollment.ScheduledSession;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.Names;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.RefusedForm;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Make-up sessions from the pages: from a missed or cancelled session, or from a
 * participant's week on the dose dashboard, with the counselor's free times of the chosen
 * day (asked of {@link CounselorAvailability}, the rule the booking itself obeys) within
 * the hours the program's sessions fill that week (the hours its calendar shows).
 */
@PageController
@RequiredArgsConstructor
class MakeUpPages {

	private static final Set<String> FIELDS = Set.of("participantIds", "counselorId", "date", "startTime",
			"durationMinutes", "location");

	private final Sessions sessions;

	private final RefusedForm refusedForm;

	private final Programs programs;

	private final Rosters rosters;

	private final MakeUps makeUps;

	private final CounselorAvailability availability;

	private final ParticipantSchedules schedules;

	private final ParticipantAttendance attendance;

	private final People people;

	private final Names names;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	private final Blocks blocks;

	/** The make-up as a coordinator fills it in; the day, counselor and length first. */
	@Data
	static class MakeUpForm {

		@NotEmpty
		@Size(max = 50)
		private List<Long> participantIds = new ArrayList<>();

		@NotNull
		private Long counselorId;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		@NotNull
		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime startTime;

		@NotNull
		@Min(1)
		@Max(720)
		private Integer durationMinutes;

		@NotBlank
		@Size(max = 500)
		private String location;

	}

	/**
	 * A session of the participant's week: what happened, in words, and whether missed.
	 */
	record WeekSession(long sessionId, String title, String when, String what, boolean missed) {
	}

	record Person(long id, String name) {
	}

	@Audited(value = AuditAction.READ_SCHEDULE, whose = Whose.PAGE)
	@GetMapping("/participants/{participantId}/make-up")
	String participantsWeek(@PathVariable long participantId, @RequestParam(required = false) IsoWeek week,
			Model model) {
		Account participant = people.participant(participantId);
		IsoWeek shown = week != null ? week : calendar.thisWeek(calendar.organisationZone());
		List<ScheduledSession> scheduled = schedules.week(participantId, shown);
		Map<Long, AttendanceMark> marks = attendance.bySession(participantId, shown.monday(), shown.sunday());
		List<WeekSession> rows = scheduled.stream().map(s -> {
			DatedSession session = s.session();
			AttendanceMark mark = marks.get(session.getId());
			String what = session.isCancelled() ? "cancelled" : mark == null ? "unmarked" : mark.getStatus().name();
			boolean missed = session.isCancelled() || (mark != null
					&& (mark.getStatus() == AttendanceStatus.ABSENT || mark.getStatus() == AttendanceStatus.EXCUSED));
			return new WeekSession(session.getId(), session.getTitle(), PageFormat.day(session.getDate()) + " · "
					+ PageFormat.timeRange(session.startsAt(s.zone()), session.endsAt(s.zone())), what, missed);
		}).toList();
		audit.record(AuditAction.READ_SCHEDULE, List.of(participantId));
		model.addAttribute("participant", participant);
		model.addAttribute("week", shown);
		model.addAttribute("weekText", PageFormat.days(shown.monday(), shown.sunday()));
		model.addAttribute("rows", rows);
		return "attendance/make-up-week";
	}

	@Audited(value = AuditAction.READ_ENROLLMENTS, whose = Whose.PAGE)
	@GetMapping("/sessions/{sessionId}/make-up")
	String form(@PathVariable long sessionId, @RequestParam(required = false) List<Long> participantId,
			@RequestParam(required = false) Long counselorId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) Integer durationMinutes, Model model) {
		DatedSession missed = sessions.get(sessionId);
		Program program = programs.get(missed.getProgramId());
		MakeUpForm form = new MakeUpForm();
		List<Long> roster = rosters.of(missed);
		if (participantId != null) {
			participantId.stream().filter(roster::contains).distinct().forEach(form.getParticipantIds()::add);
		}
		form.setCounselorId(counselorId != null ? counselorId : missed.getCounselorId());
		LocalDate today = calendar.today(program);
		form.setDate(date != null ? date : today);
		form.setDurationMinutes(durationMinutes != null && durationMinutes >= 1 && durationMinutes <= 720
				? durationMinutes : missed.getDurationMinutes());
		form.setLocation(missed.getLocation());
		model.addAttribute("makeUpForm", form);
		return page(missed, program, roster, form, model);
	}

	@Audited(value = AuditAction.ADD_MAKE_UP, whose = Whose.PAGE)
	@PostMapping("/sessions/{sessionId}/make-ups")
	String add(@PathVariable long sessionId, @Valid @ModelAttribute("makeUpForm") MakeUpForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		DatedSession missed = sessions.get(sessionId);
		Program program = programs.get(missed.getProgramId());
		List<Long> roster = rosters.of(missed);
		if (!result.hasErrors()) {
			List<Long> named = List.copyOf(new LinkedHashSet<>(form.getParticipantIds()));
			try {
				DatedSession added = makeUps.add(sessionId,
						new MakeUpRequest(form.getDate(), form.getStartTime(), form.getDurationMinutes(),
								form.getCounselorId(), form.getLocation().strip(), null, null, named));
				audit.record(AuditAction.ADD_MAKE_UP, named);
				redirect.addFlashAttribute("madeUp", true);
				return "redirect:/sessions/" + added.getId();
			}
			catch (DomainException refused) {
				inWords(refused, form, result);
			}
		}
		return page(missed, program, roster, form, model);
	}

	/**
	 * The refusals a coordinator meets here, in the page's words; any other next to its
	 * field as the domain words it.
	 */
	private void inWords(DomainException refused, MakeUpForm form, BindingResult result) {
		switch (refused.refusal().rule()) {
			case "counselor.double-booked" ->
				result.rejectValue("startTime", "makeup.refused.busy", new Object[] { nameOf(form.getCounselorId()),
						PageFormat.day(form.getDate()), PageFormat.time(form.getStartTime()) }, null);
			case "make-up.not-on-roster" -> result.rejectValue("participantIds", "makeup.refused.roster");
			default -> {
				if (refused.getMessage().startsWith("no counselor")) {
					result.rejectValue("counselorId", "makeup.refused.counselor");
				}
				else {
					refusedForm.attach(refused, result, "makeup", FIELDS);
				}
			}
		}
	}

	private String nameOf(Long accountId) {
		return names.of(List.of(accountId)).getOrDefault(accountId, "The counselor");
	}

	private String page(DatedSession missed, Program program, List<Long> roster, MakeUpForm form, Model model) {
		audit.record(AuditAction.READ_ENROLLMENTS, roster);
		Map<Long, String> known = names.of(roster);
		List<Account> counselors = new ArrayList<>(people.withRoles(List.of(Role.COUNSELOR), 0, 500));
		if (counselors.stream().noneMatch(c -> c.getId().equals(form.getCounselorId()))
				&& form.getCounselorId() != null) {
			// the missed session's leader may be a coordinator: keep them choosable
			people.withRoles(List.of(Role.COORDINATOR), 0, 500)
				.stream()
				.filter(c -> c.getId().equals(form.getCounselorId()))
				.forEach(counselors::add);
		}
		ZoneId zone = program.zone();
		List<LocalTime> free = List.of();
		// the program's own hours that week, as its calendar shows them
		SessionHours hours = form.getDate() == null ? null : blocks.hoursAround(program.getId(), form.getDate());
		if (form.getCounselorId() != null && form.getDate() != null && form.getDurationMinutes() != null
				&& form.getDurationMinutes() >= 1 && form.getDurationMinutes() <= 720
				&& counselors.stream().anyMatch(c -> c.getId().equals(form.getCounselorId()))) {
			free = availability.freeStarts(form.getCounselorId(), zone, form.getDate(), form.getDurationMinutes(),
					hours);
			if (form.getDate().equals(calendar.today(program))) {
				LocalTime now = calendar.now().atZone(zone).toLocalTime();
				free = free.stream().filter(t -> t.isAfter(now)).toList();
			}
		}
		model.addAttribute("missed", missed);
		model.addAttribute("program", program);
		model.addAttribute("missedWhen", PageFormat.longDay(missed.getDate()) + ", "
				+ PageFormat.timeRange(missed.startsAt(zone), missed.endsAt(zone)));
		model.addAttribute("roster",
				roster.stream()
					.map(id -> new Person(id, known.get(id)))
					.sorted((a, b) -> a.name().compareTo(b.name()))
					.toList());
		model.addAttribute("counselors", counselors);
		model.addAttribute("counselorName", nameOf(form.getCounselorId()));
		model.addAttribute("dayText", form.getDate() == null ? "" : PageFormat.longDay(form.getDate()));
		model.addAttribute("free", free.stream().map(PageFormat::time).toList());
		model.addAttribute("hoursFrom", hours == null ? null : String.format("%02d:00", hours.firstHour()));
		model.addAttribute("hoursTo", hours == null ? null : String.format("%02d:00", hours.lastHour()));
		model.addAttribute("chosen", form.getStartTime() == null ? null : PageFormat.time(form.getStartTime()));
		return "attendance/make-up";
	}

}
