package org.iopscheduler.people.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.RequiredArgsConstructor;
import lombok.Setter;

import org.iopscheduler.people.Account;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Coordinators add counselors and participants, and find a participant's page. */
@PageController
@RequiredArgsConstructor
class PeoplePages {

	private final People people;

	private final PageAudit audit;

	/**
	 * What both account forms ask, under the same rules as the API's NewStaff and
	 * NewParticipant.
	 */
	@Getter
	@Setter
	abstract static class AccountForm {

		@NotBlank
		@Pattern(regexp = AccountRecords.USERNAME_RULE, message = "{people.username.rule}")
		private String username;

		@NotBlank
		@Size(min = 8, max = 200)
		private String password;

		@NotBlank
		@Size(max = 200)
		private String fullName;

		/** Forms end up in debug logs and error messages: never with the password. */
		@Override
		public String toString() {
			return getClass().getSimpleName() + "[...]";
		}

	}

	@Getter
	@Setter
	static class StaffForm extends AccountForm {

		@NotNull
		private Role role = Role.COUNSELOR;

	}

	@Getter
	@Setter
	static class ParticipantForm extends AccountForm {

		@NotNull
		@Past
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate dateOfBirth;

	}

	/**
	 * A page of each list at a time: a large group has thousands of participants and
	 * counselors.
	 */
	static final int PAGE_SIZE = 100;

	/** Longer than any name or username: nothing to find. */
	static final int MAX_SEARCH = 200;

	@Audited(value = AuditAction.READ_PARTICIPANT, whose = Whose.PAGE)
	@GetMapping("/people")
	String list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String q, Model model) {
		// a page past the bound shows the last one allowed (empty, with its link back),
		// never a 500
		int shown = Math.min(Math.max(page, 0), ListPage.lastPage(PAGE_SIZE));
		if (!model.containsAttribute("staffForm")) {
			model.addAttribute("staffForm", new StaffForm());
		}
		if (!model.containsAttribute("participantForm")) {
			model.addAttribute("participantForm", new ParticipantForm());
		}
		List<Account> counselors = people.withRoles(List.of(Role.COUNSELOR), shown, PAGE_SIZE);
		List<Account> coordinators = people.withRoles(List.of(Role.COORDINATOR), shown, PAGE_SIZE);
		String search = q == null || q.isBlank() ? null : q.strip();
		// a search finds participants (by the start of a name or username); staff lists
		// stay as they are
		List<Account> participants = search != null && search.length() <= MAX_SEARCH
				? people.findParticipants(search, shown, PAGE_SIZE)
				: search != null ? List.of() : people.withRoles(List.of(Role.PARTICIPANT), shown, PAGE_SIZE);
		model.addAttribute("q", search);
		model.addAttribute("staff", counselors);
		model.addAttribute("coordinators", coordinators);
		model.addAttribute("page", shown);
		model.addAttribute("hasNext",
				Stream.of(counselors, coordinators, participants).anyMatch(l -> l.size() == PAGE_SIZE));
		audit.record(AuditAction.READ_PARTICIPANT, participants.stream().map(Account::getId).toList());
		model.addAttribute("participants", participants);
		return "people/list";
	}

	@Audited(value = AuditAction.READ_PARTICIPANT, whose = Whose.PAGE)
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
		return list(0, null, model);
	}

	@Audited(value = AuditAction.CREATE_PARTICIPANT, whose = Whose.PAGE)
	@PostMapping("/people/participants")
	String addParticipant(@Valid @ModelAttribute("participantForm") ParticipantForm form, BindingResult result,
			Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Account created = people.createParticipant(form.getUsername(), form.getPassword(), form.getFullName(),
						form.getDateOfBirth());
				audit.record(AuditAction.CREATE_PARTICIPANT, List.of(created.getId()));
				redirect.addFlashAttribute("saved", form.getFullName());
				return "redirect:/people";
			}
			catch (DomainException refused) {
				DomainErrors.attach(refused, result, Set.of("username", "password", "dateOfBirth"));
			}
		}
		return list(0, null, model);
	}

}
