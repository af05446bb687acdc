package org.iopscheduler.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.calendar.BlockChange;
import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.BlockVersion;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.ExpectedParticipants;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.ScheduledChange;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.calendar.WeekWithout;
import org.iopscheduler.calendar.Location;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.calendar.WeeklySlot;
import org.iopscheduler.calendar.Closure;
import org.iopscheduler.calendar.Closures;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.Names;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RefusedForm;
import org.iopscheduler.system.IfMatch;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.iopscheduler.system.StaleVersion;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A program's week as a grid, its blocks (add, change), and one session (cancel). */
@PageController
@RequiredArgsConstructor
class CalendarPages {

	private static final Set<String> BLOCK_FIELDS = Set.of("type", "title", "dayOfWeek", "startTime", "durationMinutes",
			"counselorId", "location", "capacity", "startsOn", "effectiveFrom");

	private final Programs programs;

	private final Blocks blocks;

	private final Sessions sessions;

	private final ExpectedParticipants rosters;

	private final People people;

	private final Names names;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	private final WeekWithout weekWithout;

	private final Closures closures;

	private final RefusedForm refusedForm;

	/** A block as a coordinator types it; on a change, effectiveFrom says from when. */
	@Data
	static class BlockForm {

		@NotNull
		private BlockType type = BlockType.GROUP;

		@NotBlank
		@Size(max = 200)
		private String title;

		@NotNull
		private DayOfWeek dayOfWeek = DayOfWeek.MONDAY;

		@NotNull
		@DateTimeFormat(pattern = "HH:mm", fallbackPatterns = "HH:mm:ss")
		private LocalTime startTime;

		@NotNull
		@Min(1)
		@Max(720)
		private Integer durationMinutes;

		@NotNull
		private Long counselorId;

		@NotBlank
		@Size(max = 500)
		private String location;

		@Min(1)
		@Max(200)
		private Integer capacity;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate startsOn;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate effectiveFrom;

		/**
		 * The block's entity tag when the form was filled (hidden): a change posted on an
		 * older one would overwrite somebody else's.
		 */
		@Size(max = 100)
		private String version;

	}

	@Data
	static class CancelForm {

		@NotBlank
		@Size(max = 500)
		private String reason;

	}

	record BlockRow(long id, BlockType type, String title, DayOfWeek dayOfWeek, String time, String duration,
			String counselor, String location, int capacity, LocalDate endsOn, List<String> scheduled) {
	}

	/** Someone on a session's roster, for the make-up links. */
	record RosterPerson(long id, String name) {
	}

	record SessionPage(DatedSession session, String day, String time, String counselor, List<String> roster,
			boolean started, boolean closedDay) {
	}

	/**
	 * One participant's week before and after a cancellation, as the confirmation shows
	 * it.
	 */
	record LossRow(String name, int minimum, int attended, String plannedNow, String plannedAfter, String statusNow,
			String statusAfter, boolean statusChanges) {
	}

	@GetMapping("/programs/{programId}/calendar")
	String calendar(@PathVariable long programId, @RequestParam(required = false) IsoWeek week, Model model) {
		Program program = programs.get(programId);
		LocalDate today = calendar.today(program);
		IsoWeek shown = week != null ? week : IsoWeek.of(today);
		List<DatedSession> found = sessions.week(program, shown);
		Map<Long, List<Long>> roster = rosters.of(found);
		List<WeeklyBlock> all = blocks.ofProgram(programId);
		Set<Long> staff = new HashSet<>();
		found.forEach(s -> staff.add(s.getCounselorId()));
		all.forEach(b -> b.getVersions().forEach(v -> staff.add(v.getCounselorId())));
		Map<Long, String> counselors = names.of(staff);
		model.addAttribute("program", program);
		Map<LocalDate, Closure> closed = new java.util.HashMap<>();
		closures.between(programId, shown.monday(), shown.sunday()).forEach(c -> closed.put(c.getDate(), c));
		model.addAttribute("grid", WeekGrid.of(shown, found, program.zone(), today, counselors, roster, closed));
		model.addAttribute("week", shown);
		model.addAttribute("weekInWords", PageFormat.days(shown.monday(), shown.sunday()));
		model.addAttribute("previousWeek", shown.plusWeeks(-1));
		model.addAttribute("nextWeek", shown.plusWeeks(1));
		model.addAttribute("thisWeek", IsoWeek.of(today));
		model.addAttribute("zone", program.getTimeZone());
		model.addAttribute("blocks", all.stream().map(b -> row(b, today, counselors)).toList());
		return "calendar/week";
	}

	@GetMapping("/programs/{programId}/blocks/new")
	String newBlock(@PathVariable long programId, Model model) {
		return blockForm(programs.get(programId), new BlockForm(), null, model);
	}

	@PostMapping("/programs/{programId}/blocks")
	String addBlock(@PathVariable long programId, @Valid @ModelAttribute("blockForm") BlockForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Program program = programs.get(programId);
		fieldChecks(form, result);
		if (!result.hasErrors()) {
			try {
				WeeklyBlock block = blocks.create(programId,
						new BlockDefinition(form.getType(), form.getTitle().strip(), form.getDayOfWeek(),
								form.getStartTime(), form.getDurationMinutes(), form.getCounselorId(),
								form.getLocation(), null, form.getCapacity(), form.getStartsOn()));
				redirect.addFlashAttribute("saved", block.getTitle());
				LocalDate first = form.getStartsOn() != null ? form.getStartsOn() : calendar.today(program);
				return "redirect:/programs/" + programId + "/calendar?week=" + IsoWeek.of(first);
			}
			catch (DomainException refused) {
				refusedForm.attach(refused, result, "block", BLOCK_FIELDS);
			}
		}
		return blockForm(program, form, null, model);
	}

	@GetMapping("/blocks/{blockId}/edit")
	String editBlock(@PathVariable long blockId, Model model) {
		WeeklyBlock block = blocks.get(blockId);
		Program program = programs.get(block.getProgramId());
		LocalDate today = calendar.today(program);
		return blockForm(program, current(block, today, today), block, model);
	}

	/**
	 * The form filled with the block as it stands on the date (today, or the date a stale
	 * change was to apply from), and its entity tag.
	 */
	private static BlockForm current(WeeklyBlock block, LocalDate today, LocalDate on) {
		BlockVersion now = block.versionAround(on);
		BlockForm form = new BlockForm();
		form.setType(block.getType());
		form.setTitle(block.getTitle());
		form.setDayOfWeek(now.getDayOfWeek());
		form.setStartTime(now.getStartTime());
		form.setDurationMinutes(now.getDurationMinutes());
		form.setCounselorId(now.getCounselorId());
		form.setLocation(now.getLocation());
		form.setCapacity(block.getCapacity());
		form.setEffectiveFrom(now.getValidFrom() != null && now.getValidFrom().isAfter(on) ? now.getValidFrom() : on);
		form.setVersion(BlockController.tag(block, today));
		return form;
	}

	@PostMapping("/blocks/{blockId}")
	String changeBlock(@PathVariable long blockId, @Valid @ModelAttribute("blockForm") BlockForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		WeeklyBlock block = blocks.get(blockId);
		Program program = programs.get(block.getProgramId());
		if (form.getEffectiveFrom() == null) {
			result.rejectValue("effectiveFrom", "NotNull");
		}
		fieldChecks(form, result);
		if (!result.hasErrors()) {
			try {
				// the same check as the API's If-Match, on the tag the form was filled
				// with
				IfMatch loaded = form.getVersion() == null || form.getVersion().isBlank() ? null
						: IfMatch.parse(form.getVersion());
				Blocks.BlockChanged changed = blocks.change(blockId,
						new BlockChange(form.getEffectiveFrom(), form.getDayOfWeek(), form.getStartTime(),
								form.getDurationMinutes(), form.getCounselorId(), form.getLocation(), null,
								form.getTitle().strip(), form.getCapacity()),
						IfMatch.check(loaded, b -> "block", b -> BlockController.tag(b, calendar.today(program)),
								b -> ""));
				redirect.addFlashAttribute("saved", form.getTitle());
				redirect.addFlashAttribute("replaced", scheduled(changed.replaced(),
						names.of(changed.replaced().stream().map(ScheduledChange::counselorId).distinct().toList())));
				return "redirect:/programs/" + program.getId() + "/calendar?week="
						+ IsoWeek.of(form.getEffectiveFrom());
			}
			catch (StaleVersion stale) {
				// nothing was saved: show what the block is now, not what this form had
				WeeklyBlock now = blocks.get(blockId);
				LocalDate today = calendar.today(program);
				LocalDate on = form.getEffectiveFrom().isBefore(today) ? today : form.getEffectiveFrom();
				model.addAttribute("stale", describe(now, on));
				BlockForm fresh = current(now, today, on);
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				return blockForm(program, fresh, now, model);
			}
			catch (DomainException refused) {
				refusedForm.attach(refused, result, "block", BLOCK_FIELDS);
			}
		}
		return blockForm(program, form, block, model);
	}

	/**
	 * The block's own rules for single fields, asked beside the form's checks so that a
	 * submit shows every field error at once (the domain stops at its first).
	 */
	private void fieldChecks(BlockForm form, BindingResult result) {
		List<Refusal> refused = new ArrayList<>();
		if (form.getType() != null && !result.hasFieldErrors("capacity")) {
			refused.add(form.getType().capacityRefusal(form.getCapacity()));
		}
		if (form.getDurationMinutes() != null && !result.hasFieldErrors("durationMinutes")) {
			refused.add(WeeklySlot.durationRefusal(form.getDurationMinutes()));
		}
		if (!result.hasFieldErrors("location")) {
			refused.add(Location.refusal(null, form.getLocation()));
		}
		refused.stream()
			.filter(java.util.Objects::nonNull)
			.forEach(why -> refusedForm.attach(why, null, Map.of(), result, "block", BLOCK_FIELDS));
	}

	/**
	 * The block form's preview as the coordinator picks the date (htmx): which scheduled
	 * changes saving from that date replaces, by the same rule the change applies.
	 */
	@GetMapping("/blocks/{blockId}/replaces")
	String replaces(@PathVariable long blockId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			Model model) {
		WeeklyBlock block = blocks.get(blockId);
		replacesPreview(block, effectiveFrom, model);
		return "calendar/block-form :: replaces";
	}

	private void replacesPreview(WeeklyBlock block, LocalDate from, Model model) {
		List<ScheduledChange> replaced = from == null || block.versionOn(from).isEmpty() ? List.of()
				: block.replacedBy(from);
		model.addAttribute("replacesFrom", from == null ? null : PageFormat.day(from));
		model.addAttribute("replaces",
				scheduled(replaced, names.of(replaced.stream().map(ScheduledChange::counselorId).distinct().toList())));
	}

	@Audited(value = AuditAction.READ_ENROLLMENTS, whose = Whose.PAGE)
	@GetMapping("/sessions/{sessionId}")
	String session(@PathVariable long sessionId, Model model) {
		DatedSession session = sessions.get(sessionId);
		Program program = programs.get(session.getProgramId());
		if (!model.containsAttribute("cancelForm")) {
			model.addAttribute("cancelForm", new CancelForm());
		}
		return sessionPage(session, program, model);
	}

	@Audited(value = AuditAction.CANCEL_SESSION, whose = Whose.PAGE)
	@PostMapping("/sessions/{sessionId}/cancel")
	String cancel(@PathVariable long sessionId, @Valid @ModelAttribute("cancelForm") CancelForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		DatedSession session = sessions.get(sessionId);
		Program program = programs.get(session.getProgramId());
		if (!result.hasErrors()) {
			try {
				sessions.cancel(sessionId, form.getReason().strip());
				audit.record(AuditAction.CANCEL_SESSION, rosters.of(session));
				redirect.addFlashAttribute("cancelled", true);
				return "redirect:/sessions/" + sessionId;
			}
			catch (DomainException refused) {
				refusedForm.attach(refused, result, "session.cancel", Set.of("reason"));
			}
		}
		return sessionPage(session, program, model);
	}

	/**
	 * The confirmation step: who loses minutes that week, and what it does to their dose
	 * status, before anything is cancelled.
	 */
	@Audited(value = AuditAction.READ_DOSAGE, whose = Whose.PAGE)
	@PostMapping("/sessions/{sessionId}/cancel/check")
	String checkCancel(@PathVariable long sessionId, @Valid @ModelAttribute("cancelForm") CancelForm form,
			BindingResult result, Model model) {
		DatedSession session = sessions.get(sessionId);
		Program program = programs.get(session.getProgramId());
		if (result.hasErrors() || session.isCancelled()) {
			return sessionPage(session, program, model);
		}
		List<Long> roster = rosters.of(session);
		audit.record(AuditAction.READ_DOSAGE, roster);
		Map<Long, String> known = names.of(roster);
		List<LossRow> losses = weekWithout.of(session, roster)
			.stream()
			.map(l -> new LossRow(known.getOrDefault(l.participantId(), ""), l.minimumMinutes(), l.attendedMinutes(),
					PageFormat.hours(l.plannedNow()), PageFormat.hours(l.plannedAfter()), l.statusNow(),
					l.statusAfter(), l.statusChanges()))
			.sorted(java.util.Comparator.comparing(LossRow::name))
			.toList();
		form.setReason(form.getReason().strip());
		model.addAttribute("program", program);
		model.addAttribute("week", IsoWeek.of(session.getDate()));
		model.addAttribute("toCancel", session);
		model.addAttribute("day", PageFormat.longDay(session.getDate()));
		model.addAttribute("time",
				PageFormat.timeRange(session.startsAt(program.zone()), session.endsAt(program.zone())));
		model.addAttribute("lost", PageFormat.hours(session.getDurationMinutes()));
		model.addAttribute("losses", losses);
		return "calendar/cancel-confirm";
	}

	/**
	 * Schedules a cancelled session again; refused in words when the day is closed or the
	 * session is not cancelled.
	 */
	@Audited(value = AuditAction.REINSTATE_SESSION, whose = Whose.PAGE)
	@PostMapping("/sessions/{sessionId}/reinstate")
	String reinstate(@PathVariable long sessionId, RedirectAttributes redirect) {
		DatedSession session = sessions.get(sessionId);
		try {
			sessions.reinstate(sessionId);
			audit.record(AuditAction.REINSTATE_SESSION, rosters.of(session));
			redirect.addFlashAttribute("reinstated", true);
		}
		catch (DomainException refused) {
			redirect.addFlashAttribute("reinstateRefused", refusedForm.words(refused, "session"));
		}
		return "redirect:/sessions/" + sessionId;
	}

	private String sessionPage(DatedSession session, Program program, Model model) {
		List<Long> roster = rosters.of(session);
		audit.record(AuditAction.READ_ENROLLMENTS, roster);
		Map<Long, String> known = names.of(union(roster, session.getCounselorId()));
		model.addAttribute("program", program);
		model.addAttribute("week", IsoWeek.of(session.getDate()));
		model.addAttribute("page",
				new SessionPage(session, PageFormat.longDay(session.getDate()),
						PageFormat.timeRange(session.startsAt(program.zone()), session.endsAt(program.zone())),
						known.get(session.getCounselorId()), roster.stream().map(known::get).sorted().toList(),
						session.hasStartedAt(calendar.now(), program.zone()),
						closures.isClosed(program.getId(), session.getDate())));
		model.addAttribute("makeUpFor",
				roster.stream()
					.map(id -> new RosterPerson(id, known.get(id)))
					.sorted(Comparator.comparing(RosterPerson::name, Comparator.nullsLast(Comparator.naturalOrder())))
					.toList());
		return "calendar/session";
	}

	private String blockForm(Program program, BlockForm form, WeeklyBlock block, Model model) {
		// counselors first, then coordinators, by name; the first 500 of them
		List<Account> leaders = new ArrayList<>(people.withRoles(List.of(Role.COUNSELOR), 0, 500));
		leaders.addAll(people.withRoles(List.of(Role.COORDINATOR), 0, Math.max(1, 500 - leaders.size())));
		model.addAttribute("program", program);
		model.addAttribute("zoneWords", PageFormat.zone(program.getTimeZone()));
		model.addAttribute("blockForm", form);
		model.addAttribute("block", block);
		model.addAttribute("scheduled",
				block == null ? List.of() : scheduled(block.scheduledAfter(calendar.today(program)),
						names.of(block.getVersions().stream().map(v -> v.getCounselorId()).distinct().toList())));
		if (block != null) {
			replacesPreview(block, form.getEffectiveFrom(), model);
		}
		model.addAttribute("counselors", leaders);
		model.addAttribute("types", BlockType.values());
		model.addAttribute("days", DayOfWeek.values());
		return "calendar/block-form";
	}

	/** "from Mon 9 Nov: 'Process group', Monday 18:00–21:00, Dana, Room 2, 12 places" */
	private String describe(WeeklyBlock block, LocalDate on) {
		BlockVersion v = block.versionAround(on);
		return "from " + PageFormat.day(on) + ": '" + block.getTitle() + "', " + PageFormat.dayName(v.getDayOfWeek())
				+ " " + PageFormat.time(v.getStartTime()) + "–" + PageFormat.time(v.slot().end()) + ", "
				+ names.of(List.of(v.getCounselorId()))
					.getOrDefault(v.getCounselorId(), "counselor " + v.getCounselorId())
				+ ", " + v.getLocation() + ", " + block.getCapacity() + " places";
	}

	private static BlockRow row(WeeklyBlock block, LocalDate today, Map<Long, String> counselors) {
		BlockVersion v = block.versionAround(today);
		return new BlockRow(block.getId(), block.getType(), block.getTitle(), v.getDayOfWeek(),
				PageFormat.time(v.getStartTime()) + "–" + PageFormat.time(v.slot().end()),
				PageFormat.hours(v.getDurationMinutes()), counselors.get(v.getCounselorId()), v.getLocation(),
				block.getCapacity(), block.endsOn(), scheduled(block.scheduledAfter(today), counselors));
	}

	/**
	 * "From Thu 10 Dec: Thursday 17:30–20:30, Dana, Room 2", one line per change still to
	 * come.
	 */
	private static List<String> scheduled(List<ScheduledChange> changes, Map<Long, String> counselors) {
		return changes.stream()
			.map(c -> "From " + PageFormat.day(c.validFrom()) + ": " + PageFormat.dayName(c.slot().day()) + " "
					+ PageFormat.time(c.slot().start()) + "–" + PageFormat.time(c.slot().end()) + ", "
					+ counselors.getOrDefault(c.counselorId(), "counselor " + c.counselorId()) + ", "
					+ c.location().value())
			.toList();
	}

	private static Set<Long> union(List<Long> ids, Long one) {
		Set<Long> all = new HashSet<>(ids);
		all.add(one);
		return all;
	}

}
