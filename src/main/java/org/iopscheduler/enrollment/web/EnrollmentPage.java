package org.iopscheduler.enrollment.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.enrollment.PlanPreview;
import org.iopscheduler.enrollment.PlanStretch;
import org.iopscheduler.people.People;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RefusedForm;
import org.iopscheduler.system.StaleVersion;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
 * One enrolment for coordinators: its plan over time (what was, what holds, what is
 * scheduled, each scheduled change with undo), a plan change from a date with the same
 * live minutes meter as enrolling, and discharge. Every change goes through
 * {@link Enrollments} with the version the page was loaded at, so a change made meanwhile
 * by someone else is refused rather than overwritten.
 */
@PageController
@RequiredArgsConstructor
class EnrollmentPage {

	private final Enrollments enrollments;

	private final Programs programs;

	private final People people;

	private final PlanPreview preview;

	private final BlockChoices blockChoices;

	private final RefusedForm refusedForm;

	private final MessageSource messages;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	@Data
	static class PlanForm {

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate effectiveFrom;

		private List<Long> blockIds = new ArrayList<>();

		private Long version;

	}

	@Data
	static class DischargeForm {

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		@NotBlank
		@Size(max = 500)
		private String reason;

		private Long version;

	}

	/** The enrolment as loaded, for the forms' targets and version. */
	record Shown(long id, long rowVersion, String dischargeReason) {
	}

	/** A stretch of the plan as the timeline shows it. */
	record Stretch(LocalDate from, String fromDay, String toDay, List<String> blocks, String hours, boolean past,
			boolean current, boolean scheduled) {
	}

	@Audited(value = AuditAction.READ_ENROLLMENTS, whose = Whose.PAGE)
	@GetMapping("/enrollments/{id}")
	String show(@PathVariable long id, Model model) {
		Enrollment e = enrollments.get(id);
		Program program = programs.get(e.getProgramId());
		PlanForm plan = new PlanForm();
		plan.setEffectiveFrom(changeDay(e, program));
		plan.setBlockIds(new ArrayList<>(e.planOn(plan.getEffectiveFrom())));
		DischargeForm discharge = new DischargeForm();
		discharge.setDate(calendar.today(program));
		model.addAttribute("planForm", plan);
		model.addAttribute("dischargeForm", discharge);
		return page(e, program, model);
	}

	/** The running total for a plan change: answered as a fragment on every change. */
	@GetMapping("/enrollments/{id}/plan")
	String meter(@PathVariable long id, @ModelAttribute("planForm") PlanForm form, BindingResult ignored, Model model) {
		Enrollment e = enrollments.get(id);
		Program program = programs.get(e.getProgramId());
		PlanPreview.Verdict verdict = verdict(e, program, form);
		model.addAttribute("verdict", verdict);
		model.addAttribute("verdictWords",
				verdict.passes() ? null : refusedForm.words(verdict.refusal(), null, Map.of(), "enrollment.plan"));
		model.addAttribute("refusedKey", "enrollment.plan.refused");
		return "enrollment/enrol :: plan";
	}

	@Audited(value = AuditAction.CHANGE_PLAN, whose = Whose.PAGE)
	@PostMapping("/enrollments/{id}/plan")
	String changePlan(@PathVariable long id, @Valid @ModelAttribute("planForm") PlanForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Enrollment e = enrollments.get(id);
		Program program = programs.get(e.getProgramId());
		DischargeForm discharge = new DischargeForm();
		discharge.setDate(calendar.today(program));
		model.addAttribute("dischargeForm", discharge);
		// the page as loaded: a refused change may have touched this request's copy
		prepare(e, program, model);
		if (!result.hasErrors()) {
			try {
				Enrollment changed = enrollments
					.changePlan(id, form.getBlockIds(), form.getEffectiveFrom(), loadedAt(form.getVersion()))
					.enrollment();
				audit.record(AuditAction.CHANGE_PLAN, List.of(changed.getParticipantId()));
				redirect.addFlashAttribute("done",
						say("enrollment.plan.done", PageFormat.day(changed.effectiveDate(form.getEffectiveFrom()))));
				return "redirect:/enrollments/" + id;
			}
			catch (DomainException refused) {
				refusedForm.attach(refused.refusal(), "change", known(e, refused.refusal()), result, "enrollment.plan",
						Set.of("effectiveFrom", "blockIds"));
			}
		}
		audit.record(AuditAction.READ_ENROLLMENTS, List.of(e.getParticipantId()));
		return "enrollment/enrollment";
	}

	@Audited(value = AuditAction.DISCHARGE, whose = Whose.PAGE)
	@PostMapping("/enrollments/{id}/discharge")
	String discharge(@PathVariable long id, @Valid @ModelAttribute("dischargeForm") DischargeForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		Enrollment e = enrollments.get(id);
		Program program = programs.get(e.getProgramId());
		PlanForm plan = new PlanForm();
		plan.setEffectiveFrom(changeDay(e, program));
		plan.setBlockIds(new ArrayList<>(e.planOn(plan.getEffectiveFrom())));
		model.addAttribute("planForm", plan);
		// the page as loaded: a refused discharge may have touched this request's copy
		prepare(e, program, model);
		if (!result.hasErrors()) {
			try {
				Enrollment discharged = enrollments.discharge(id, form.getDate(), form.getReason().strip(),
						loadedAt(form.getVersion()));
				audit.record(AuditAction.DISCHARGE, List.of(discharged.getParticipantId()));
				redirect.addFlashAttribute("done",
						say("enrollment.discharge.done", PageFormat.day(discharged.getDischargeDate())));
				return "redirect:/enrollments/" + id;
			}
			catch (DomainException refused) {
				refusedForm.attach(refused.refusal(), "discharge", known(e, refused.refusal()), result,
						"enrollment.discharge", Set.of("date", "reason"));
			}
		}
		audit.record(AuditAction.READ_ENROLLMENTS, List.of(e.getParticipantId()));
		return "enrollment/enrollment";
	}

	@Audited(value = AuditAction.CHANGE_PLAN, whose = Whose.PAGE)
	@PostMapping("/enrollments/{id}/plan-changes/{date}/undo")
	String undo(@PathVariable long id, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		Enrollment e = enrollments.get(id);
		try {
			Enrollment undone = enrollments.undoPlanChange(id, date, loadedAt(version));
			audit.record(AuditAction.CHANGE_PLAN, List.of(undone.getParticipantId()));
			redirect.addFlashAttribute("done", say("enrollment.undo.done", PageFormat.day(date)));
		}
		catch (DomainException refused) {
			audit.record(AuditAction.CHANGE_PLAN, List.of(e.getParticipantId()));
			redirect.addFlashAttribute("refused",
					refusedForm.words(refused.refusal(), "undo", known(e, refused.refusal()), "enrollment.plan"));
		}
		return "redirect:/enrollments/" + id;
	}

	private String say(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/**
	 * What the page knows that a refusal leaves out: whose enrolment it is, and the day
	 * before a change's first day (the discharge date that would keep a session).
	 */
	private static Map<String, Object> known(Enrollment e, Refusal why) {
		Map<String, Object> known = new java.util.HashMap<>();
		known.put("participantId", e.getParticipantId());
		Object from = why.facts().get("from");
		if (from != null) {
			known.put("dayBefore", LocalDate.parse(String.valueOf(from)).minusDays(1).toString());
		}
		return known;
	}

	private String page(Enrollment e, Program program, Model model) {
		prepare(e, program, model);
		audit.record(AuditAction.READ_ENROLLMENTS, List.of(e.getParticipantId()));
		return "enrollment/enrollment";
	}

	private void prepare(Enrollment e, Program program, Model model) {
		LocalDate today = calendar.today(program);
		PlanForm form = (PlanForm) model.getAttribute("planForm");
		LocalDate on = form != null && form.getEffectiveFrom() != null ? form.getEffectiveFrom()
				: changeDay(e, program);
		model.addAttribute("enrollment", new Shown(e.getId(), e.getRowVersion(), e.getDischargeReason()));
		model.addAttribute("participant", people.participant(e.getParticipantId()));
		model.addAttribute("program", program);
		model.addAttribute("startDay", PageFormat.day(e.getStartDate()));
		model.addAttribute("lastDay", e.lastDay() == null ? null : PageFormat.day(e.lastDay()));
		model.addAttribute("dischargeDay", e.getDischargeDate() == null ? null : PageFormat.day(e.getDischargeDate()));
		model.addAttribute("timeline", timeline(e, program, today));
		boolean changeable = e.lastDay() == null || !e.lastDay().isBefore(today);
		model.addAttribute("changeable", changeable);
		model.addAttribute("choices", blockChoices.from(program, on));
		PlanPreview.Verdict verdict = verdict(e, program, form);
		model.addAttribute("verdict", verdict);
		model.addAttribute("verdictWords",
				verdict.passes() ? null : refusedForm.words(verdict.refusal(), null, Map.of(), "enrollment.plan"));
		model.addAttribute("refusedKey", "enrollment.plan.refused");
	}

	private List<Stretch> timeline(Enrollment e, Program program, LocalDate today) {
		List<Stretch> rows = new ArrayList<>();
		for (PlanStretch s : e.timeline()) {
			Map<Long, BlockChoices.Choice> named = blockChoices.named(program, s.blockIds(), s.from());
			List<String> blocks = named.values()
				.stream()
				.sorted(java.util.Comparator.comparing(BlockChoices.Choice::dayOfWeek)
					.thenComparing(BlockChoices.Choice::time))
				.map(BlockChoices.Choice::words)
				.toList();
			int minutes = enrollments.plannedMinutes(program, s.blockIds(), s.from());
			boolean past = s.to() != null && s.to().isBefore(today);
			boolean scheduled = s.from().isAfter(today);
			rows.add(new Stretch(s.from(), PageFormat.day(s.from()), s.to() == null ? null : PageFormat.day(s.to()),
					blocks, PageFormat.hours(minutes), past, !past && !scheduled,
					scheduled && !s.from().equals(e.getStartDate())));
		}
		return rows;
	}

	/**
	 * A plan change defaults to today, or the first day if the enrolment starts later.
	 */
	private LocalDate changeDay(Enrollment e, Program program) {
		return e.effectiveDate(calendar.today(program));
	}

	private PlanPreview.Verdict verdict(Enrollment e, Program program, PlanForm form) {
		LocalDate from = form != null && form.getEffectiveFrom() != null ? e.effectiveDate(form.getEffectiveFrom())
				: changeDay(e, program);
		return preview.checkChange(e, program, form == null ? List.of() : form.getBlockIds(), from);
	}

	/**
	 * The page's own version check: a change made since the page was loaded is refused.
	 */
	private static Consumer<Enrollment> loadedAt(Long version) {
		return current -> {
			if (version != null && version != current.getRowVersion()) {
				throw new StaleVersion("enrollment " + current.getId() + " was changed after you loaded the page");
			}
		};
	}

}
