package org.iopscheduler.enrollment.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.enrollment.PlanStretch;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.IfMatch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Enrollments")
@RestController
@RequiredArgsConstructor
class EnrollmentController {

	private final Enrollments enrollments;

	private final Programs programs;

	private final ClinicCalendar calendar;

	record NewEnrollment(@NotNull Long participantId, @NotNull LocalDate startDate, LocalDate endDate,
			@NotEmpty @Size(max = 50) List<Long> blockIds) {
	}

	record PlanChange(@NotEmpty @Size(max = 50) List<Long> blockIds, LocalDate effectiveFrom) {
	}

	record Discharge(@NotNull LocalDate date, @NotBlank @Size(max = 500) String reason) {
	}

	/**
	 * blockIds and plannedWeeklyMinutes are the plan in force today (or on the start
	 * date, if later); timeline is the plan over the enrollment's dates, one stretch per
	 * change (past, current and scheduled). After a plan change, replacedChanges lists
	 * the scheduled stretches it replaced; it is empty on every other answer.
	 */
	record EnrollmentView(Long id, Long participantId, Long programId, LocalDate startDate, LocalDate endDate,
			List<Long> blockIds, int plannedWeeklyMinutes, LocalDate dischargeDate, String dischargeReason,
			List<StretchView> timeline, List<StretchView> replacedChanges) {
	}

	/**
	 * The plan from one date to another (inclusive; null while it runs on), with its
	 * minutes a week on its first day.
	 */
	record StretchView(LocalDate from, LocalDate to, List<Long> blockIds, int plannedWeeklyMinutes) {
	}

	@Operation(summary = "Enrol a participant with a weekly plan of blocks",
			description = "422 when the plan is below the program's minimum; 409 when a block is full, two blocks overlap, "
					+ "or the participant already has an enrollment (in any program) whose dates overlap.")
	@ApiResponse(responseCode = "409",
			description = "A chosen block is full, two chosen blocks overlap, or the participant's enrollments would share a day")
	@ApiResponse(responseCode = "422",
			description = "The plan is below the program's weekly minimum, or uses a block that has ended")
	@Audited(value = AuditAction.ENROL, whose = Whose.IN_ANSWER)
	@PostMapping("/api/programs/{programId}/enrollments")
	@ResponseStatus(HttpStatus.CREATED)
	EnrollmentView enrol(@PathVariable long programId, @Valid @RequestBody NewEnrollment body) {
		return view(
				enrollments.enrol(programId, body.participantId(), body.startDate(), body.endDate(), body.blockIds()));
	}

	@Operation(summary = "Enrollments of a program, by default those open today")
	@Audited(value = AuditAction.READ_ENROLLMENTS, whose = Whose.IN_ANSWER)
	@GetMapping("/api/programs/{programId}/enrollments")
	List<EnrollmentView> ofProgram(@PathVariable long programId, @RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to) {
		Program program = programs.get(programId);
		LocalDate today = calendar.today(program);
		return enrollments.ofProgram(programId, from != null ? from : today, to != null ? to : today)
			.stream()
			.map(this::view)
			.toList();
	}

	@Operation(summary = "One enrollment with its plan's timeline")
	@Audited(value = AuditAction.READ_ENROLLMENTS, whose = Whose.IN_ANSWER)
	@GetMapping("/api/enrollments/{id}")
	ResponseEntity<EnrollmentView> one(@PathVariable long id) {
		return tagged(enrollments.get(id), List.of());
	}

	@Operation(summary = "A participant's enrollments, in every program")
	@Audited(value = AuditAction.READ_ENROLLMENTS, whose = Whose.PATH_PARTICIPANT_ID)
	@GetMapping("/api/participants/{participantId}/enrollments")
	List<EnrollmentView> ofParticipant(@PathVariable long participantId) {
		return enrollments.ofParticipant(participantId).stream().map(e -> view(enrollments.get(e.getId()))).toList();
	}

	@Operation(summary = "Change the plan from effectiveFrom (default today); the same rules as enrolling",
			description = "The new plan holds for every day from effectiveFrom on and replaces the changes scheduled on or "
					+ "after that date (listed in replacedChanges). Every resulting stretch must reach the minimum (422 naming "
					+ "the stretch and both numbers); 422 when attendance is recorded on a session the change would take the "
					+ "participant off.")
	@ApiResponse(responseCode = "200", description = "The enrollment with its new plan and the changes it replaced")
	@ApiResponse(responseCode = "409", description = "A chosen block is full, or two chosen blocks overlap")
	@ApiResponse(responseCode = "422",
			description = "A stretch of the plan is below the minimum, or the change would take the participant off an attended session")
	@Audited(value = AuditAction.CHANGE_PLAN, whose = Whose.IN_ANSWER)
	@PutMapping("/api/enrollments/{id}/blocks")
	ResponseEntity<EnrollmentView> changePlan(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch,
			@Valid @RequestBody PlanChange body) {
		Enrollments.PlanChanged changed = enrollments.changePlan(id, body.blockIds(), body.effectiveFrom(),
				check(ifMatch));
		return tagged(changed.enrollment(), changed.replaced());
	}

	@Operation(summary = "Undo a scheduled plan change: the plan before it runs on until the next change",
			description = "date is the first day of a stretch of the timeline that starts after today. The changes "
					+ "after it stay as scheduled. The same rules as a plan change hold for the days given back to the "
					+ "earlier plan.")
	@ApiResponse(responseCode = "200", description = "The enrollment with its timeline after the undo")
	@ApiResponse(responseCode = "404", description = "No enrollment with that id, or no plan change on that date")
	@ApiResponse(responseCode = "409", description = "A block of the earlier plan has no free place on those days")
	@ApiResponse(responseCode = "412", description = "If-Match names an older version of the enrollment")
	@ApiResponse(responseCode = "422",
			description = "The change took effect on or before today, or the earlier plan breaks a rule on those days")
	@Audited(value = AuditAction.CHANGE_PLAN, whose = Whose.IN_ANSWER)
	@DeleteMapping("/api/enrollments/{id}/plan-changes/{date}")
	ResponseEntity<EnrollmentView> undoPlanChange(@PathVariable long id, @PathVariable LocalDate date,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch) {
		return tagged(enrollments.undoPlanChange(id, date, check(ifMatch)), List.of());
	}

	@Operation(summary = "Discharge: no sessions after the date; the reason is kept")
	@ApiResponse(responseCode = "200", description = "The discharged enrollment")
	@ApiResponse(responseCode = "422",
			description = "The date lies outside the enrollment, it was already discharged, or attendance is recorded after the date")
	@Audited(value = AuditAction.DISCHARGE, whose = Whose.IN_ANSWER)
	@PostMapping("/api/enrollments/{id}/discharge")
	ResponseEntity<EnrollmentView> discharge(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch,
			@Valid @RequestBody Discharge body) {
		return tagged(enrollments.discharge(id, body.date(), body.reason(), check(ifMatch)), List.of());
	}

	private java.util.function.Consumer<Enrollment> check(IfMatch ifMatch) {
		return IfMatch.check(ifMatch, e -> "enrollment " + e.getId(), this::tag, e -> reads(view(e)));
	}

	private ResponseEntity<EnrollmentView> tagged(Enrollment e, List<PlanStretch> replaced) {
		EnrollmentView view = view(e, replaced);
		return ResponseEntity.ok().eTag(tag(e, replaced.isEmpty() ? view : view(e))).body(view);
	}

	private String tag(Enrollment e) {
		return tag(e, view(e));
	}

	/** The tag of the answer a GET gives (no replaced changes). */
	private static String tag(Enrollment e, EnrollmentView asRead) {
		return IfMatch.etag(e.getRowVersion(), asRead);
	}

	/**
	 * "from 2026-11-02 to 2026-12-20, the plan from 2026-11-02: blocks [3, 4] (540 min)
	 * ..."
	 */
	private static String reads(EnrollmentView e) {
		return "from " + e.startDate() + (e.endDate() != null ? " to " + e.endDate() : " with no end")
				+ (e.dischargeDate() != null ? ", discharged on " + e.dischargeDate() + " (" + e.dischargeReason() + ")"
						: "")
				+ ", "
				+ e.timeline()
					.stream()
					.map(s -> "the plan from " + s.from() + (s.to() != null ? " to " + s.to() : "") + ": blocks "
							+ s.blockIds() + " (" + s.plannedWeeklyMinutes() + " minutes a week)")
					.collect(java.util.stream.Collectors.joining(", "));
	}

	private EnrollmentView view(Enrollment e) {
		return view(e, List.of());
	}

	private EnrollmentView view(Enrollment e, List<PlanStretch> replaced) {
		Program program = programs.get(e.getProgramId());
		LocalDate today = calendar.today(program);
		LocalDate on = today.isBefore(e.getStartDate()) ? e.getStartDate()
				: e.lastDay() != null && today.isAfter(e.lastDay()) ? e.lastDay() : today;
		Set<Long> blockIds = e.planOn(on);
		int minutes = blockIds.isEmpty() ? 0 : enrollments.plannedMinutes(program, blockIds, on);
		return new EnrollmentView(e.getId(), e.getParticipantId(), e.getProgramId(), e.getStartDate(), e.getEndDate(),
				List.copyOf(blockIds), minutes, e.getDischargeDate(), e.getDischargeReason(),
				stretches(program, e.timeline()), stretches(program, replaced));
	}

	private List<StretchView> stretches(Program program, List<PlanStretch> stretches) {
		return stretches.stream()
			.map(s -> new StretchView(s.from(), s.to(), s.blockIds().stream().sorted().toList(),
					s.blockIds().isEmpty() ? 0 : enrollments.plannedMinutes(program, s.blockIds(), s.from())))
			.toList();
	}

}
