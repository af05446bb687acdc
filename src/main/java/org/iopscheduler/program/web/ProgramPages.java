package org.iopscheduler.program.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import lombok.Data;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.program.Population;
import org.iopscheduler.program.ContactWording;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.ProgramZone;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RefusedForm;
import org.iopscheduler.system.PageController;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The programs list, and a new program (coordinators). */
@PageController
@RequiredArgsConstructor
class ProgramPages {

	/**
	 * Zones offered first, all of them ones the zone rule accepts; any other region id
	 * may be typed.
	 */
	private static final List<String> ZONES = ProgramZone.tzDatabaseIds()
		.stream()
		.filter(z -> z.startsWith("America/") || z.startsWith("Europe/") || z.startsWith("Pacific/")
				|| z.startsWith("Australia/") || z.startsWith("Asia/") || z.startsWith("Africa/") || z.equals("UTC"))
		.filter(ProgramZone::accepts)
		.sorted()
		.toList();

	/**
	 * The zones a coordinator chooses from, by region ("America": America/New_York, ...):
	 * a choice, never free text, so a program can only get a zone that follows daylight
	 * saving.
	 */
	private static final Map<String, List<String>> ZONES_BY_REGION = ZONES.stream()
		.filter(zone -> zone.contains("/"))
		.collect(
				Collectors.groupingBy(zone -> zone.substring(0, zone.indexOf('/')), TreeMap::new, Collectors.toList()));

	private static final Set<String> FIELDS = Set.of("minimumWeeklyMinutes", "timeZone", "name", "contactTitle",
			"contactClinicName");

	private static final Set<String> WORDING_FIELDS = Set.of("contactTitle", "contactClinicName");

	private final Programs programs;

	private final RefusedForm refusedForm;

	@Data
	static class ProgramForm {

		@NotBlank
		@Size(max = 200)
		private String name;

		@NotNull
		private Population population = Population.ADULT;

		@NotBlank
		@Size(max = 64)
		private String timeZone = "America/New_York";

		@Positive
		@Max(10080)
		private Integer minimumWeeklyMinutes;

		@NotBlank
		@Size(max = ContactWording.TITLE_LENGTH)
		private String contactTitle = ContactWording.DEFAULT_TITLE;

		@Size(max = ContactWording.CLINIC_NAME_LENGTH)
		private String contactClinicName;

	}

	/** What a program's calendar events and reminders say (see ContactWording). */
	@Data
	static class WordingForm {

		@NotBlank
		@Size(max = ContactWording.TITLE_LENGTH)
		private String contactTitle;

		@Size(max = ContactWording.CLINIC_NAME_LENGTH)
		private String contactClinicName;

	}

	@GetMapping("/programs")
	String list(Model model) {
		if (!model.containsAttribute("programForm")) {
			model.addAttribute("programForm", new ProgramForm());
		}
		model.addAttribute("programs", programs.all());
		model.addAttribute("zonesByRegion", ZONES_BY_REGION);
		model.addAttribute("populations", Population.values());
		return "programs/list";
	}

	@PostMapping("/programs")
	String create(@Valid @ModelAttribute("programForm") ProgramForm form, BindingResult result, Model model) {
		// the floor on its own too, so a blank name and a low minimum show together
		if (form.getPopulation() != null && form.getMinimumWeeklyMinutes() != null
				&& !result.hasFieldErrors("minimumWeeklyMinutes")) {
			Refusal low = Program.belowFloor(form.getPopulation(), form.getMinimumWeeklyMinutes());
			if (low != null) {
				refusedForm.attach(low, null, Map.of(), result, "programs", FIELDS);
			}
		}
		if (!result.hasErrors()) {
			try {
				Program program = programs.create(form.getName().strip(), form.getPopulation(),
						form.getTimeZone().strip(), form.getMinimumWeeklyMinutes(), form.getContactTitle(),
						form.getContactClinicName());
				return "redirect:/programs/" + program.getId() + "/calendar";
			}
			catch (DomainException refused) {
				refusedForm.attach(refused, result, "programs", FIELDS);
			}
		}
		return list(model);
	}

	@GetMapping("/programs/{programId}/wording")
	String wording(@PathVariable long programId, Model model) {
		Program program = programs.get(programId);
		if (!model.containsAttribute("wordingForm")) {
			WordingForm form = new WordingForm();
			form.setContactTitle(program.getContactTitle());
			form.setContactClinicName(program.getContactClinicName());
			model.addAttribute("wordingForm", form);
		}
		model.addAttribute("program", program);
		return "programs/wording";
	}

	@PostMapping("/programs/{programId}/wording")
	String changeWording(@PathVariable long programId, @Valid @ModelAttribute("wordingForm") WordingForm form,
			BindingResult result, Model model, RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				// an empty clinic name shows none
				programs.update(programId, null, null, null, form.getContactTitle(),
						form.getContactClinicName() == null ? "" : form.getContactClinicName(), unchecked -> {
						});
				redirect.addFlashAttribute("wordingSaved", true);
				return "redirect:/programs/" + programId + "/wording";
			}
			catch (DomainException refused) {
				refusedForm.attach(refused, result, "programs", WORDING_FIELDS);
			}
		}
		return wording(programId, model);
	}

}
