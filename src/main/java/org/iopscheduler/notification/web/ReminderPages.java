package org.iopscheduler.notification.web;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import lombok.Data;
import lombok.RequiredArgsConstructor;
import org.iopscheduler.notification.ReminderSettings;
import org.iopscheduler.notification.Reminders;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.RefusedForm;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * When a program's reminders go out, as a coordinator sets it: up to three lead times in
 * hours and the quiet hours.
 */
@PageController
@RequiredArgsConstructor
class ReminderPages {

	private final Programs programs;

	private final Reminders reminders;

	private final RefusedForm refusedForm;

	/** Lead times in hours on the page (the API takes minutes); an empty box is none. */
	@Data
	static class ReminderForm {

		private boolean enabled;

		@Min(1)
		@Max(168)
		private Integer firstLeadHours;

		@Min(1)
		@Max(168)
		private Integer secondLeadHours;

		@Min(1)
		@Max(168)
		private Integer thirdLeadHours;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
		private LocalTime quietFrom;

		@NotNull
		@DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
		private LocalTime quietUntil;

		static ReminderForm of(ReminderSettings settings) {
			ReminderForm form = new ReminderForm();
			form.enabled = settings.isEnabled();
			List<Integer> leads = settings.times().leadMinutes();
			form.firstLeadHours = hours(leads, 0);
			form.secondLeadHours = hours(leads, 1);
			form.thirdLeadHours = hours(leads, 2);
			form.quietFrom = settings.getQuietFrom();
			form.quietUntil = settings.getQuietUntil();
			return form;
		}

		private static Integer hours(List<Integer> leads, int i) {
			return i < leads.size() ? Math.max(1, leads.get(i) / 60) : null;
		}

		List<Integer> leadMinutes() {
			List<Integer> minutes = new ArrayList<>();
			for (Integer hours : new Integer[] { firstLeadHours, secondLeadHours, thirdLeadHours }) {
				if (hours != null) {
					minutes.add(hours * 60);
				}
			}
			return minutes;
		}

	}

	@GetMapping("/programs/{programId}/reminders")
	String form(@PathVariable long programId, Model model) {
		return page(programId, ReminderForm.of(reminders.of(programId)), model);
	}

	@PostMapping("/programs/{programId}/reminders")
	String change(@PathVariable long programId, @Valid @ModelAttribute("reminderForm") ReminderForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				reminders.change(programId, form.isEnabled(), form.leadMinutes(), form.getQuietFrom(),
						form.getQuietUntil());
				redirect.addFlashAttribute("saved", true);
				return "redirect:/programs/" + programId + "/reminders";
			}
			catch (DomainException refused) {
				refusedForm.attach(refused, result, "reminders", Set.of("firstLeadHours", "quietFrom", "quietUntil"));
			}
		}
		return page(programId, form, model);
	}

	private String page(long programId, ReminderForm form, Model model) {
		model.addAttribute("program", programs.get(programId));
		model.addAttribute("reminderForm", form);
		return "notification/reminders";
	}

}
