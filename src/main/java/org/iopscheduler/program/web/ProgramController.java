package org.iopscheduler.program.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.system.IfMatch;
import org.iopscheduler.system.NotBlankIfGiven;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Programs")
@RestController
@RequestMapping("/api/programs")
@RequiredArgsConstructor
class ProgramController {

	private final Programs programs;

	record NewProgram(@NotBlank @Size(max = 200) String name, @NotNull Population population,
			@NotBlank @Size(max = 64) String timeZone, @Positive Integer minimumWeeklyMinutes,
			@Schema(description = WORDING_TITLE) @NotBlankIfGiven @Size(max = 80) String contactTitle,
			@Schema(description = WORDING_CLINIC) @Size(max = 120) String contactClinicName) {
	}

	static final String WORDING_TITLE = "What calendar events and reminders call an appointment; default "
			+ "'Appointment'. Keep it neutral: it is seen on phones and lock screens (42 CFR Part 2).";

	static final String WORDING_CLINIC = "A clinic name shown after the title, or none (the default). "
			+ "On a change, an empty string removes it.";

	/**
	 * The zone may be sent back as it is (a client that PUTs the whole view); a different
	 * one is 422.
	 */
	record ProgramChange(@NotBlankIfGiven @Size(max = 200) String name, @Positive Integer minimumWeeklyMinutes,
			@Size(max = 64) String timeZone,
			@Schema(description = WORDING_TITLE + " Left out: unchanged.") @NotBlankIfGiven @Size(
					max = 80) String contactTitle,
			@Schema(description = WORDING_CLINIC + " Left out: unchanged.") @Size(max = 120) String contactClinicName) {
	}

	record ProgramView(Long id, String name, Population population, String timeZone, int minimumWeeklyMinutes,
			@Schema(description = WORDING_TITLE) String contactTitle,
			@Schema(description = "The clinic name calendar events show after the title; null shows none",
					nullable = true) String contactClinicName) {

		static ProgramView of(Program p) {
			return new ProgramView(p.getId(), p.getName(), p.getPopulation(), p.getTimeZone(),
					p.getMinimumWeeklyMinutes(), p.getContactTitle(), p.getContactClinicName());
		}

	}

	@Operation(
			summary = "Create a program; the minimum defaults to 540 (ADULT) or 360 (ADOLESCENT) and may only be raised",
			description = "timeZone is an IANA region id such as America/New_York (or UTC); a fixed offset in any "
					+ "spelling (-05:00, Z, GMT+5, UTC+05:30, Etc/GMT+5, EST) is 400: it never follows daylight saving.")
	@ApiResponse(responseCode = "422",
			description = "minimumWeeklyMinutes below the population's floor (540 ADULT, 360 ADOLESCENT)")
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ProgramView create(@Valid @RequestBody NewProgram body) {
		return ProgramView.of(programs.create(body.name(), body.population(), body.timeZone(),
				body.minimumWeeklyMinutes(), body.contactTitle(), body.contactClinicName()));
	}

	@Operation(summary = "Rename a program, raise its weekly minimum (lowering is 422) or change its contact wording",
			description = "timeZone may be sent unchanged; another zone is 422 (a program's zone is set when it is "
					+ "created), a fixed offset is 400.")
	@ApiResponse(responseCode = "200", description = "The program as changed")
	@ApiResponse(responseCode = "422", description = "Lowers the weekly minimum, or asks for another time zone")
	@PutMapping("/{id}")
	ResponseEntity<ProgramView> update(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch,
			@Valid @RequestBody ProgramChange body) {
		return tagged(programs.update(id, body.name(), body.timeZone(), body.minimumWeeklyMinutes(),
				body.contactTitle(), body.contactClinicName(),
				IfMatch.check(ifMatch, p -> "program " + p.getId(), p -> tag(p), p -> reads(ProgramView.of(p)))));
	}

	@Operation(summary = "Every program")
	@GetMapping
	List<ProgramView> all() {
		return programs.all().stream().map(ProgramView::of).toList();
	}

	@Operation(summary = "One program")
	@GetMapping("/{id}")
	ResponseEntity<ProgramView> one(@PathVariable long id) {
		return tagged(programs.get(id));
	}

	private ResponseEntity<ProgramView> tagged(Program program) {
		return ResponseEntity.ok().eTag(tag(program)).body(ProgramView.of(program));
	}

	private String tag(Program program) {
		return IfMatch.etag(program.getRowVersion(), ProgramView.of(program));
	}

	private static String reads(ProgramView p) {
		return "name '" + p.name() + "', " + p.population() + ", time zone " + p.timeZone() + ", minimum "
				+ p.minimumWeeklyMinutes() + " minutes a week, contact title '" + p.contactTitle() + "'"
				+ (p.contactClinicName() != null ? ", clinic name '" + p.contactClinicName() + "'" : "");
	}

}
