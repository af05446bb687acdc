package org.iopscheduler.attendance.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.Data;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.attendance.AbsenceNotice;
import org.iopscheduler.attendance.AbsenceNotices;
import org.iopscheduler.attendance.Attendance;
import org.iopscheduler.attendance.AttendanceMark;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.system.AcceptedDates;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.contact.Consents;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.CounselorSessions;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.LocationKind;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.people.Names;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.RefusedForm;
import org.iopscheduler.system.Forbidden;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A counselor's day: the sessions they lead today and this week, and the attendance sheet
 * of one session, marked with one tap per participant and saved in one go. Made for a
 * phone.
 */
@PageController
@RequiredArgsConstructor
class AttendancePages {

	private final CounselorSessions counselorSessions;

	private final RefusedForm refusedForm;

	private final Sessions sessions;

	private final Programs programs;

	private final Rosters rosters;

	private final Attendance attendance;

	private final Names names;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	private final AbsenceNotices absenceNotices;

	private final Consents consents;

	@Data
	static class SheetForm {

		private List<MarkRow> rows = new ArrayList<>();

	}

	@Data
	static class MarkRow {

		private Long participantId;

		private String name;

		private AttendanceStatus status;

		private Integer minutes;

		private String markedBy;

		/**
		 * When the participant sent notice they could not come ("sent notice ..."), else
		 * null.
		 */
		private String noticeGiven;

	}

	record SessionRow(long id, String day, String time, BlockType type, String title, String program, String location,
			boolean video, boolean cancelled, boolean started, int expected, int marked) {
	}

	@GetMapping("/sessions")
	String mine(@AuthenticationPrincipal SignedIn me,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		Instant now = calendar.now();
		List<SessionRow> today = new ArrayList<>();
		List<SessionRow> thisWeek = new ArrayList<>();
		LocalDate shown;
		if (date == null) {
			// each program's week is its own: read every day that is in this week
			// somewhere, keep each program's
			ClinicCalendar.Span anywhere = calendar.thisWeekAnywhere();
			List<DatedSession> found = counselorSessions.between(me.id(), anywhere.first(), anywhere.last());
			Map<Long, Program> byId = programsOf(found);
			Map<Long, List<Long>> roster = rosters.of(found);
			for (DatedSession s : found) {
				Program program = byId.get(s.getProgramId());
				LocalDate localToday = calendar.today(program);
				if (!IsoWeek.of(localToday).contains(s.getDate())) {
					continue;
				}
				SessionRow row = row(s, program, roster.getOrDefault(s.getId(), List.of()).size(), now);
				thisWeek.add(row);
				if (s.getDate().equals(localToday)) {
					today.add(row);
				}
			}
			// the day as the counselor's programs see it (the first one's zone; the
			// organisation's when there is none)
			shown = byId.values()
				.stream()
				.findFirst()
				.map(calendar::today)
				.orElseGet(() -> calendar.today(calendar.organisationZone()));
		}
		else {
			// a picked date is the same calendar day in every program: its sessions and
			// the ISO week around it
			AcceptedDates.check("date", date);
			IsoWeek week = IsoWeek.of(date);
			List<DatedSession> found = counselorSessions.between(me.id(), week.monday(), week.sunday());
			Map<Long, Program> byId = programsOf(found);
			Map<Long, List<Long>> roster = rosters.of(found);
			for (DatedSession s : found) {
				SessionRow row = row(s, byId.get(s.getProgramId()), roster.getOrDefault(s.getId(), List.of()).size(),
						now);
				thisWeek.add(row);
				if (s.getDate().equals(date)) {
					today.add(row);
				}
			}
			shown = date;
		}
		IsoWeek week = IsoWeek.of(shown);
		model.addAttribute("today", today);
		model.addAttribute("week", thisWeek);
		model.addAttribute("picked", date != null);
		model.addAttribute("date", shown);
		model.addAttribute("dayLabel", PageFormat.day(shown));
		model.addAttribute("weekLabel", PageFormat.days(week.monday(), week.sunday()));
		model.addAttribute("todayLabel", PageFormat.longDay(shown));
		if (me.role() == Role.COUNSELOR) {
			// their own address for staff messages: an account's own, not a participant's
			// record
			model.addAttribute("consents", consents.current(me.id()));
			model.addAttribute("consentChannels", ContactChannel.values());
			model.addAttribute("consentAction", "/contact");
		}
		return "attendance/mine";
	}

	private Map<Long, Program> programsOf(List<DatedSession> found) {
		Map<Long, Program> byId = new HashMap<>();
		found.stream().map(DatedSession::getProgramId).distinct().forEach(id -> byId.put(id, programs.get(id)));
		return byId;
	}

	@Audited(value = AuditAction.READ_ATTENDANCE, whose = Whose.PAGE)
	@GetMapping("/sessions/{sessionId}/attendance")
	String sheet(@PathVariable long sessionId, @AuthenticationPrincipal SignedIn me, Model model) {
		DatedSession session = sessions.get(sessionId);
		requireLeads(session, me);
		SheetForm form = new SheetForm();
		form.setRows(currentRows(session));
		return sheetPage(session, form, model);
	}

	/**
	 * "Mark everyone present" in one tap: the sheet again, with every row not yet marked
	 * set to present; marks already saved (and any rows posted with it) are kept. Nothing
	 * is saved: the counselor changes the exceptions and saves the sheet whole, as
	 * always.
	 */
	@Audited(value = AuditAction.READ_ATTENDANCE, whose = Whose.PAGE)
	@PostMapping("/sessions/{sessionId}/attendance/all-present")
	String allPresent(@PathVariable long sessionId, @ModelAttribute("sheet") SheetForm form,
			@AuthenticationPrincipal SignedIn me, Model model) {
		DatedSession session = sessions.get(sessionId);
		requireLeads(session, me);
		List<MarkRow> rows = currentRows(session);
		requireFits(form, rows.size());
		Map<Long, MarkRow> tapped = new HashMap<>();
		form.getRows()
			.stream()
			.filter(r -> r.getParticipantId() != null && r.getStatus() != null)
			.forEach(r -> tapped.put(r.getParticipantId(), r));
		for (MarkRow row : rows) {
			MarkRow tap = tapped.get(row.getParticipantId());
			if (tap != null) {
				row.setStatus(tap.getStatus());
				row.setMinutes(partial(tap.getStatus()) ? tap.getMinutes() : null);
			}
			else if (row.getStatus() == null) {
				row.setStatus(AttendanceStatus.PRESENT);
			}
		}
		SheetForm filled = new SheetForm();
		filled.setRows(rows);
		model.addAttribute("allPresent", true);
		return sheetPage(session, filled, model);
	}

	@Audited(value = AuditAction.MARK_ATTENDANCE, whose = Whose.PAGE)
	@PostMapping("/sessions/{sessionId}/attendance")
	String save(@PathVariable long sessionId, @ModelAttribute("sheet") SheetForm form, BindingResult result,
			@AuthenticationPrincipal SignedIn me, Model model, RedirectAttributes redirect) {
		DatedSession session = sessions.get(sessionId);
		requireLeads(session, me);
		Map<Long, MarkRow> current = new HashMap<>();
		currentRows(session).forEach(r -> current.put(r.getParticipantId(), r));
		requireFits(form, current.size());
		Set<Long> offRoster = new HashSet<>();
		form.getRows()
			.stream()
			.map(MarkRow::getParticipantId)
			.filter(id -> id != null && !current.containsKey(id))
			.forEach(offRoster::add);
		Map<Long, String> offRosterNames = offRoster.isEmpty() ? Map.of() : names.of(offRoster);
		List<Attendance.SheetRow> toSave = new ArrayList<>();
		Map<Long, Integer> rowOf = new HashMap<>();
		for (int i = 0; i < form.getRows().size(); i++) {
			MarkRow row = form.getRows().get(i);
			if (row.getParticipantId() == null) {
				continue;
			}
			MarkRow was = current.get(row.getParticipantId());
			row.setName(was != null ? was.getName() : offRosterNames.get(row.getParticipantId()));
			row.setMarkedBy(was != null ? was.getMarkedBy() : null);
			row.setNoticeGiven(was != null ? was.getNoticeGiven() : null);
			if (row.getStatus() == null) {
				continue;
			}
			toSave.add(new Attendance.SheetRow(row.getParticipantId(), row.getStatus(),
					partial(row.getStatus()) ? row.getMinutes() : null));
			rowOf.put(row.getParticipantId(), i);
		}
		try {
			// one transaction (the handler's, @Audited) for the sheet and its audit
			// lines: saved whole or not at all
			Attendance.Sheet sheet = attendance.markSheet(sessionId, toSave, me,
					changed -> audit.record(AuditAction.MARK_ATTENDANCE, changed));
			if (sheet.saved()) {
				redirect.addFlashAttribute("saved", sheet.changed().size());
				return "redirect:/sessions/" + sessionId + "/attendance";
			}
			for (Attendance.RowRefused refused : sheet.refused()) {
				int i = rowOf.get(refused.participantId());
				if (refused.minutes()) {
					result.rejectValue("rows[" + i + "].minutes", "attendance.minutes.rule",
							new Object[] { session.getDurationMinutes() }, refused.reason());
				}
				else {
					// off the roster since the sheet was opened: untapped, so saving
					// again keeps the others
					form.getRows().get(i).setStatus(null);
					result.rejectValue("rows[" + i + "].participantId", "attendance.notOnRoster", refused.reason());
				}
			}
			result.reject("sheet.notSaved", "Nothing was saved.");
		}
		catch (Forbidden | NotFound e) {
			throw e;
		}
		catch (DomainException refused) {
			// not started, cancelled: above the sheet, in words
			refusedForm.attach(refused, result, "sheet", java.util.Set.of());
		}
		return sheetPage(session, form, model);
	}

	/**
	 * The sheet, also when a save was refused and it is shown again: either way it shows
	 * the participants' marks, a read.
	 */
	private String sheetPage(DatedSession session, SheetForm form, Model model) {
		audit.record(AuditAction.READ_ATTENDANCE, form.getRows().stream().map(MarkRow::getParticipantId).toList());
		Program program = programs.get(session.getProgramId());
		Instant now = calendar.now();
		model.addAttribute("sheet", form);
		model.addAttribute("dated", session);
		model.addAttribute("program", program);
		model.addAttribute("row", row(session, program, form.getRows().size(), now));
		model.addAttribute("statuses", AttendanceStatus.values());
		model.addAttribute("startsAt",
				PageFormat.timeRange(session.startsAt(program.zone()), session.endsAt(program.zone())));
		return "attendance/sheet";
	}

	/** The roster, by name, with what is marked so far. */
	private List<MarkRow> currentRows(DatedSession session) {
		List<Long> roster = rosters.of(session);
		Map<Long, AttendanceMark> marks = new HashMap<>();
		attendance.ofSession(session.getId()).forEach(m -> marks.put(m.getParticipantId(), m));
		Map<Long, AbsenceNotice> notices = absenceNotices.ofSession(session.getId());
		ZoneId zone = programs.zoneOf(session.getProgramId());
		Set<Long> ids = new HashSet<>(roster);
		marks.values().forEach(m -> ids.add(m.getMarkedBy()));
		Map<Long, String> known = names.of(ids);
		List<MarkRow> rows = new ArrayList<>();
		for (Long participant : roster) {
			MarkRow row = new MarkRow();
			row.setParticipantId(participant);
			row.setName(known.get(participant));
			AttendanceMark mark = marks.get(participant);
			if (mark != null) {
				row.setStatus(mark.getStatus());
				row.setMinutes(partial(mark.getStatus()) ? mark.getMinutesAttended() : null);
				row.setMarkedBy(known.get(mark.getMarkedBy()));
			}
			AbsenceNotice notice = notices.get(participant);
			if (notice != null) {
				ZonedDateTime given = notice.getGivenAt().atZone(zone);
				row.setNoticeGiven(PageFormat.day(given.toLocalDate()) + " " + PageFormat.time(given.toLocalTime()));
				if (mark == null) {
					// they said they cannot come: EXCUSED is the one tap (saving marks
					// it; nothing is marked until the counselor saves)
					row.setStatus(AttendanceStatus.EXCUSED);
				}
			}
			rows.add(row);
		}
		rows.sort(Comparator.comparing(MarkRow::getName, Comparator.nullsLast(Comparator.naturalOrder())));
		return rows;
	}

	private static void requireFits(SheetForm form, int rows) {
		if (form.getRows().size() > rows) {
			// rows[5000]: the binder made the rows up to it (a 500 beyond its limit, see
			// PageAdvice)
			throw new InvalidInput("rows[" + (form.getRows().size() - 1) + "]: this sheet has " + rows
					+ " rows, rows[0] to rows[" + (rows - 1) + "]");
		}
	}

	/** The same rule the API applies: a counselor marks only the sessions they lead. */
	private static void requireLeads(DatedSession session, SignedIn me) {
		if (me.role() == Role.COUNSELOR && !session.getCounselorId().equals(me.id())) {
			throw new Forbidden("only the session's counselor or a coordinator may mark attendance");
		}
	}

	private static boolean partial(AttendanceStatus status) {
		return status == AttendanceStatus.LATE || status == AttendanceStatus.LEFT_EARLY;
	}

	private SessionRow row(DatedSession s, Program program, int expected, Instant now) {
		ZoneId zone = program.zone();
		int marked = s.hasStartedAt(now, zone) ? attendance.ofSession(s.getId()).size() : 0;
		return new SessionRow(s.getId(), PageFormat.day(s.getDate()),
				PageFormat.timeRange(s.startsAt(zone), s.endsAt(zone)), s.getType(), s.getTitle(), program.getName(),
				s.getLocation(), s.getLocationKind() == LocationKind.VIDEO, s.isCancelled(), s.hasStartedAt(now, zone),
				expected, marked);
	}

}
