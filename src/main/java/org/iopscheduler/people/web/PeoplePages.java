package org.iopscheduler.people.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Data;
import lombok.RequiredArgsConstructor;
import lombok.Setter;

import org.iopscheduler.people.Account;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.people.ParticipantSearch;
import org.iopscheduler.people.People;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.people.Role;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.RefusedForm;
import org.iopscheduler.system.PageController;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Coordinators add counselors and participants, and find a participant's page. */
@PageController
@RequiredArgsConstructor
class PeoplePages {

	private final People people;

	private final ParticipantSearch participantSearch;

	private final Programs programs;

	private final RefusedForm refusedForm;

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

	/**
	 * The search box and its filters, all optional and kept in the URL (bookmarks and
	 * paging keep them). A value that is not one of the choices is shown next to its
	 * field, never a 400 or 500.
	 */
	@Data
	static class SearchForm {

		private String q;

		private Long program;

		private Population population;

		private ParticipantSearch.Status status;

		private int page;

		String text() {
			return q == null || q.isBlank() ? null : q.strip();
		}

	}

	@Audited(value = AuditAction.READ_PARTICIPANT, whose = Whose.PAGE)
	@GetMapping("/people")
	String list(@ModelAttribute("search") SearchForm search, BindingResult searchErrors, Model model) {
		// a page past the bound shows the last one allowed (empty, with its link back),
		// never a 500
		int shown = Math.min(Math.max(search.getPage(), 0), ListPage.lastPage(PAGE_SIZE));
		search.setPage(shown);
		if (!model.containsAttribute("search")) {
			model.addAttribute("search", search);
		}
		if (!model.containsAttribute("staffForm")) {
			model.addAttribute("staffForm", new StaffForm());
		}
		if (!model.containsAttribute("participantForm")) {
			model.addAttribute("participantForm", new ParticipantForm());
		}
		List<Account> counselors = people.withRoles(List.of(Role.COUNSELOR), shown, PAGE_SIZE);
		List<Account> coordinators = people.withRoles(List.of(Role.COORDINATOR), shown, PAGE_SIZE);
		List<Program> programChoices = programs.all();
		ParticipantSearch.Query query = new ParticipantSearch.Query(search.text(), search.getProgram(),
				search.getPopulation(), search.getStatus());
		if (search.getProgram() != null
				&& programChoices.stream().noneMatch(p -> p.getId().equals(search.getProgram()))) {
			searchErrors.rejectValue("program", "people.search.program.unknown");
		}
		// longer than any name or username, or a filter that is no choice: nobody
		boolean refused = Stream.of("program", "population", "status").anyMatch(searchErrors::hasFieldErrors);
		boolean nobody = refused || query.text() != null && query.text().length() > MAX_SEARCH;
		ParticipantSearch.Found found = nobody ? new ParticipantSearch.Found(List.of(), 0)
				: participantSearch.find(query, shown, PAGE_SIZE);
		model.addAttribute("q", query.text());
		model.addAttribute("filtered", query.filtered() || refused);
		model.addAttribute("programs", programChoices);
		model.addAttribute("staff", counselors);
		model.addAttribute("coordinators", coordinators);
		model.addAttribute("page", shown);
		model.addAttribute("total", found.total());
		model.addAttribute("hasNext", (long) (shown + 1) * PAGE_SIZE < found.total()
				|| Stream.of(counselors, coordinators).anyMatch(l -> l.size() == PAGE_SIZE));
		model.addAttribute("previousHref", href(search, shown - 1));
		model.addAttribute("nextHref", href(search, shown + 1));
		audit.record(AuditAction.READ_PARTICIPANT,
				found.participants().stream().map(ParticipantSearch.Match::id).toList());
		model.addAttribute("participants", found.participants());
		return "people/list";
	}

	/** The same search on another page: only the filters given, encoded. */
	private static String href(SearchForm search, int page) {
		return UriComponentsBuilder.fromPath("/people")
			.queryParam("page", page)
			.queryParamIfPresent("q", Optional.ofNullable(search.text()))
			.queryParamIfPresent("program", Optional.ofNullable(search.getProgram()))
			.queryParamIfPresent("population", Optional.ofNullable(search.getPopulation()))
			.queryParamIfPresent("status", Optional.ofNullable(search.getStatus()))
			.encode()
			.build()
			.toUriString();
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
				refusedForm.attach(refused, result, "people", Set.of("username", "password", "role"));
			}
		}
		return list(new SearchForm(), new BeanPropertyBindingResult(new SearchForm(), "search"), model);
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
				refusedForm.attach(refused, result, "people", Set.of("username", "password", "dateOfBirth"));
			}
		}
		return list(new SearchForm(), new BeanPropertyBindingResult(new SearchForm(), "search"), model);
	}

}
