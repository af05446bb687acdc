package org.iopscheduler.people.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Data;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.people.Account;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.system.DomainErrors;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.PageController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators add counselors and participants, and find a participant's page. */
@PageController
@RequiredArgsConstructor
class PeoplePages {

	private final People people;

	private final PageAudit audit;

	@Data
	static class StaffForm {

		@NotBlank
		@Pattern(regexp = AccountRecords.USERNAME_RULE, message = "{people.username.rule}")
		private String username;

		@NotBlank
		@Size(min = 8, max = 200)
		private String password;

		@NotBlank
		@Size(max = 200)
		private String fullName;

		@NotNull
		private Role role = Role.COUNSELOR;

	}

	@Data
	static class ParticipantForm {

		@NotBlank
		@Pattern(regexp = AccountRecords.USERNAME_RULE, message = "{people.username.rule}")
		private String username;

		@NotBlank
		@Size(min = 8, max = 200)
		private String password;

		@NotBlank
		@Size(max = 200)
		private String fullName;

		@NotNull
		@Past
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate dateOfBirth;

	}

	@GetMapping("/people")
	String list(Model model) {
		if (!model.containsAttribute("staffForm")) {
			model.addAttribute("staffForm", new StaffForm());
		}
		if (!model.containsAttribute("participantForm")) {
			model.addAttribute("participantForm", new ParticipantForm());
		}
		model.addAttribute("staff", people.withRole(Role.COUNSELOR));
		model.addAttribute("coordinators", people.withRole(Role.COORDINATOR));
		List<Account> participants = people.withRole(Role.PARTICIPANT);
		audit.record(AuditAction.READ_PARTICIPANT, participants.stream().map(Account::getId).toList());
		model.addAttribute("participants", participants);
		return "people/list";
	}

	@PostMapping("/people/staff")
	String addStaff(@Valid @ModelAttribute("staffForm") StaffForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				people.createStaff(form.getUsername(), form.getPassword(), form.getFullName(), form.getRole());
				redirect.addFlashAttribute("saved", form.getFullName());
				return "redirect:/people";
			}
			catch (DomainException refused) {
				DomainErrors.attach(refused, result, Set.of("username", "password", "role"));
			}
		}
		return list(model);
	}

	@PostMapping("/people/participants")
	String addParticipant(@Valid @ModelAttribute("participantForm") ParticipantForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Account created = people.createParticipant(form.getUsername(), form.getPassword(),
						form.getFullName(), form.getDateOfBirth());
				audit.record(AuditAction.CREATE_PARTICIPANT, List.of(created.getId()));
				redirect.addFlashAttribute("saved", form.getFullName());
				return "redirect:/people";
			}
			catch (DomainException refused) {
				DomainErrors.attach(refused, result, Set.of("username", "password", "dateOfBirth"));
			}
		}
		return list(model);
	}

}
