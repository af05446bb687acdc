package org.iopscheduler.enrollment.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import lombok.Data;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.people.Account;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.BlockVersion;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.enrollment.PlanPreview;
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
 * Enrolling a participant: pick blocks while a running total (htmx, checked by the
 * domain's own plan rules) says whether the plan reaches the minimum, and why it would be
 * refused if not.
 */
@PageController
@RequiredArgsConstructor
class EnrollmentPages {

	private final Programs programs;

	private final RefusedForm refusedForm;

	private final BlockChoices blockChoices;

	private final Enrollments enrollments;

	private final PlanPreview preview;

	private final People people;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	@Data
	static class EnrolForm {

		@NotNull
		private Long participantId;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate startDate;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate endDate;

		private List<Long> blockIds = new ArrayList<>();

	}

	@Audited(value = AuditAction.READ_PARTICIPANT, whose = Whose.PAGE)
	@GetMapping("/programs/{programId}/enrol")
	String form(@PathVariable long programId, @ModelAttribute("enrolForm") EnrolForm form, BindingResult ignored,
			Model model) {
		Program program = programs.get(programId);
		if (form.getStartDate() == null) {
			form.setStartDate(calendar.today(program));
		}
		return page(program, form, model);
	}

	/**
	 * The participant picker: as the coordinator types, participants of the program's
	 * population (by age on the start date) whose name or username starts with the text
	 * and who have no enrollment on the chosen dates (one program at a time). Index
	 * ranges only: a few rows read whatever the number of participants.
	 */
	@Audited(value = AuditAction.READ_PARTICIPANT, whose = Whose.PAGE)
	@GetMapping("/programs/{programId}/enrol/participants")
	String participants(@PathVariable long programId, @RequestParam(name = "q", defaultValue = "") String query,
			@ModelAttribute("enrolForm") EnrolForm form, BindingResult ignored, Model model) {
		Program program = programs.get(programId);
		LocalDate from = form.getStartDate() != null ? form.getStartDate() : calendar.today(program);
		LocalDate to = form.getEndDate() != null && !form.getEndDate().isBefore(from) ? form.getEndDate() : null;
		String typed = query.length() > 100 ? query.substring(0, 100) : query;
		// a few more than shown, so those already enrolled still leave a full list
		List<Account> named = people.participantsStartingWith(typed, program.getPopulation().bornAfter(from),
				program.getPopulation().bornBy(from), MATCHES * 3);
		Set<Long> busy = enrollments.enrolledDuring(named.stream().map(Account::getId).toList(), from, to);
		List<Account> free = named.stream().filter(a -> !busy.contains(a.getId())).toList();
		List<Account> shown = new ArrayList<>();
		// the one already chosen stays on offer while the coordinator types on
		if (form.getParticipantId() != null
				&& free.stream().noneMatch(a -> a.getId().equals(form.getParticipantId()))) {
			shown.addAll(people.withIds(List.of(form.getParticipantId())));
		}
		free.stream().limit(MATCHES).forEach(shown::add);
		audit.record(AuditAction.READ_PARTICIPANT, shown.stream().map(Account::getId).toList());
		model.addAttribute("participants", shown);
		model.addAttribute("more", free.size() > MATCHES);
		model.addAttribute("query", typed.strip());
		return "enrollment/enrol :: matches";
	}

	static final int MATCHES = 10;

	private static final Set<String> FIELDS = Set.of("participantId", "startDate", "endDate", "blockIds");

	/** The running total: answered as a fragment each time a block or a date changes. */
	@GetMapping("/programs/{programId}/enrol/plan")
	String plan(@PathVariable long programId, @ModelAttribute("enrolForm") EnrolForm form, BindingResult ignored,
			Model model) {
		Program program = programs.get(programId);
		words(verdict(program, form), model);
		return "enrollment/enrol :: plan";
	}

	@Audited(value = AuditAction.ENROL, whose = Whose.PAGE)
	@PostMapping("/programs/{programId}/enrol")
	String enrol(@PathVariable long programId, @Valid @ModelAttribute("enrolForm") EnrolForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		Program program = programs.get(programId);
		if (result.hasErrors()) {
			// the plan's verdict beside the form's checks: every error of the submit at
			// once
			PlanPreview.Verdict plan = verdict(program, form);
			if (!plan.passes()) {
				refusedForm.attach(plan.refusal(), null, Map.of(), result, "enrol", FIELDS);
			}
		}
		if (!result.hasErrors()) {
			try {
				Enrollment enrollment = enrollments.enrol(programId, form.getParticipantId(), form.getStartDate(),
						form.getEndDate(), form.getBlockIds());
				audit.record(AuditAction.ENROL, List.of(enrollment.getParticipantId()));
				redirect.addFlashAttribute("enrolled", program.getName());
				return "redirect:/participants/" + enrollment.getParticipantId();
			}
			catch (DomainException refused) {
				refusedForm.attach(refused, result, "enrol", FIELDS);
			}
		}
		return page(program, form, model);
	}

	private String page(Program program, EnrolForm form, Model model) {
		LocalDate on = form.getStartDate() != null ? form.getStartDate() : calendar.today(program);
		List<BlockChoices.Choice> choices = blockChoices.from(program, on);
		model.addAttribute("program", program);
		// the picker searches as the coordinator types; only the one chosen is shown here
		List<Account> chosen = form.getParticipantId() == null ? List.of()
				: people.withIds(List.of(form.getParticipantId()));
		audit.record(AuditAction.READ_PARTICIPANT, chosen.stream().map(Account::getId).toList());
		model.addAttribute("participants", chosen);
		model.addAttribute("query", "");
		model.addAttribute("choices", choices);
		words(verdict(program, form), model);
		return "enrollment/enrol";
	}

	/** The meter's verdict, its refusal in words. */
	private void words(PlanPreview.Verdict verdict, Model model) {
		model.addAttribute("verdict", verdict);
		model.addAttribute("verdictWords",
				verdict.passes() ? null : refusedForm.words(verdict.refusal(), null, Map.of(), "enrol"));
	}

	private PlanPreview.Verdict verdict(Program program, EnrolForm form) {
		LocalDate on = form.getStartDate() != null ? form.getStartDate() : calendar.today(program);
		return preview.check(program, form.getBlockIds(), on, form.getEndDate());
	}

}
