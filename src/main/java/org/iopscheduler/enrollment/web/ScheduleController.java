package org.iopscheduler.enrollment.web;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.LocationKind;
import org.iopscheduler.calendar.web.SessionView;
import org.iopscheduler.enrollment.MakeUpRequest;
import org.iopscheduler.enrollment.MakeUps;
import org.iopscheduler.enrollment.ParticipantSchedules;
import org.iopscheduler.enrollment.ParticipantZones;
import org.iopscheduler.people.People;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "A participant's schedule and make-up sessions")
@RestController
@RequiredArgsConstructor
class ScheduleController {

	private final ParticipantSchedules schedules;

	private final MakeUps makeUps;

	private final People people;

	private final Programs programs;

	private final ClinicCalendar calendar;

	private final ParticipantZones zones;

	record NewMakeUp(@NotNull LocalDate date, @NotNull LocalTime startTime,
			@NotNull @Min(1) @Max(720) Integer durationMinutes, @NotNull Long counselorId,
			@NotBlank @Size(max = 500) String location, LocationKind locationKind, @Size(max = 200) String title,
			@NotEmpty @Size(max = 50) List<Long> participantIds) {
	}

	@Operation(summary = "The caller's own sessions of a week; no other participant's ids",
			description = "Default: this week in the zone of the caller's current program.")
	@Audited(value = AuditAction.READ_SCHEDULE, whose = Whose.CALLER)
	@GetMapping("/api/me/schedule")
	List<SessionView> mine(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) IsoWeek week) {
		return scheduleOf(me.id(), week);
	}

	@Operation(summary = "A participant's sessions of a week: staff, or that participant; anyone else gets 404",
			description = "Default: this week in the zone of the participant's current program.")
	@Audited(value = AuditAction.READ_SCHEDULE, whose = Whose.PATH_PARTICIPANT_ID)
	@GetMapping("/api/participants/{participantId}/schedule")
	List<SessionView> ofParticipant(@PathVariable long participantId, @AuthenticationPrincipal SignedIn me,
			@RequestParam(required = false) IsoWeek week) {
		if (!me.role().isStaff() && me.id() != participantId) {
			// another participant's records: not even their existence is confirmed
			throw new NotFound("no participant with id " + participantId);
		}
		people.participant(participantId);
		return scheduleOf(participantId, week);
	}

	@Operation(summary = "Add a make-up session for named participants of a missed session",
			description = "Linked to the missed session; counts in the week it takes place. Participants must have been "
					+ "on the missed session's roster (else 422).")
	@ApiResponse(responseCode = "409", description = "The counselor is busy at that time")
	@ApiResponse(responseCode = "422", description = "A named participant was not on the missed session's roster")
	@Audited(value = AuditAction.ADD_MAKE_UP, whose = Whose.IN_ANSWER)
	@PostMapping("/api/sessions/{sessionId}/make-ups")
	@ResponseStatus(HttpStatus.CREATED)
	SessionView makeUp(@PathVariable long sessionId, @Valid @RequestBody NewMakeUp body) {
		var session = makeUps.add(sessionId, new MakeUpRequest(body.date(), body.startTime(), body.durationMinutes(),
				body.counselorId(), body.location(), body.locationKind(), body.title(), body.participantIds()));
		return SessionView.of(session, programs.get(session.getProgramId()).zone(),
				List.copyOf(session.getMakeUpParticipants()));
	}

	private List<SessionView> scheduleOf(long participantId, IsoWeek week) {
		// the participant's week, not the server's: Monday starts where they are treated
		IsoWeek which = week != null ? week : calendar.thisWeek(zones.zoneOf(participantId));
		return schedules.week(participantId, which)
			.stream()
			.map(s -> SessionView.of(s.session(), s.zone(), List.of(participantId)))
			.toList();
	}

}
