package org.iopscheduler.calendar.web;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Data;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.Closures;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.iopscheduler.system.RefusedForm;
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
 * Holiday closures from the calendar: close a day with a reason, and undo it. The same
 * service as the API, so the same refusals (already closed, a day that took place).
 */
@PageController
@RequiredArgsConstructor
class ClosurePages {

	private final Programs programs;

	private final Closures closures;

	private final RefusedForm refusedForm;

	@Data
	static class ClosureForm {

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate date;

		@NotBlank
		@Size(max = 500)
		private String reason;

	}

	@GetMapping("/programs/{programId}/closures/new")
	String form(@PathVariable long programId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		ClosureForm form = new ClosureForm();
		form.setDate(date);
		return page(programs.get(programId), form, model);
	}

	@PostMapping("/programs/{programId}/closures")
	String close(@PathVariable long programId, @Valid @ModelAttribute("closureForm") ClosureForm form,
			BindingResult result, @AuthenticationPrincipal SignedIn me, Model model, RedirectAttributes redirect) {
		Program program = programs.get(programId);
		if (!result.hasErrors()) {
			try {
				Closures.Closed closed = closures.close(programId, form.getDate(), form.getReason().strip(), me.id());
				redirect.addFlashAttribute("closedDay", PageFormat.day(form.getDate()));
				redirect.addFlashAttribute("closedCount", closed.cancelledSessionIds().size());
				return "redirect:/programs/" + programId + "/calendar?week=" + IsoWeek.of(form.getDate());
			}
			catch (DomainException refused) {
				refusedForm.attach(refused, result, "closure", Set.of("date", "reason"));
			}
		}
		return page(program, form, model);
	}

	@PostMapping("/programs/{programId}/closures/{closureId}/undo")
	String undo(@PathVariable long programId, @PathVariable long closureId,
			@RequestParam(required = false) IsoWeek week, RedirectAttributes redirect) {
		closures.reopen(programId, closureId);
		redirect.addFlashAttribute("reopened", true);
		return "redirect:/programs/" + programId + "/calendar" + (week == null ? "" : "?week=" + week);
	}

	private String page(Program program, ClosureForm form, Model model) {
		model.addAttribute("program", program);
		model.addAttribute("closureForm", form);
		model.addAttribute("week", form.getDate() == null ? null : IsoWeek.of(form.getDate()));
		return "calendar/closure-form";
	}

}
