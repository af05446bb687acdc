package org.iopscheduler.calendar.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.CalendarMaking;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.Closure;
import org.iopscheduler.calendar.Closures;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.ExpectedParticipants;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Sessions and closures")
@RestController
@RequiredArgsConstructor
class SessionController {

	private final Sessions sessions;

	private final CalendarMaking calendarMaking;

	private final Closures closures;

	private final Programs programs;

	private final ExpectedParticipants rosters;

	private final ClinicCalendar calendar;

	record Cancel(@NotBlank @Size(max = 500) String reason) {
	}

	record NewClosure(@NotNull LocalDate date, @NotBlank @Size(max = 500) String reason) {
	}

	record ClosureView(Long id, Long programId, LocalDate date, String reason, List<Long> cancelledSessionIds) {
	}

	@Operation(summary = "The program's dated sessions of an ISO week (default: this week in the program's zone)",
			description = "Made from the blocks on first request and kept: the same call returns the same ids.")
	@Audited(value = AuditAction.READ_ROSTER, whose = Whose.IN_ANSWER)
	@GetMapping("/api/programs/{programId}/sessions")
	List<SessionView> week(@PathVariable long programId, @RequestParam(required = false) IsoWeek week) {
		Program program = programs.get(programId);
		IsoWeek which = week != null ? week : calendar.thisWeek(program);
		List<DatedSession> found = sessions.week(program, which);
		Map<Long, List<Long>> roster = rosters.of(found);
		return found.stream().map(s -> SessionView.of(s, program.zone(), roster.get(s.getId()))).toList();
	}

	@Operation(
			summary = "Make every program's dated sessions between two days (coordinators; at most "
					+ CalendarMaking.MAXIMUM_DAYS + " days a call)",
			description = "Ahead of need, e.g. for the coming year: days already made are skipped, so a second call "
					+ "makes 0. Answers how many programs were looked at and how many sessions were made. from and to "
					+ "lie between 1900-01-01 and 2200-12-31 (else 400). Programs go in groups of 25; if one group "
					+ "fails, the groups already running finish, no further group starts, and the call answers with "
					+ "the failure: what was made stays made, and the same call again makes the rest.")
	@PostMapping("/api/calendar/sessions")
	CalendarMaking.Made makeSessions(@RequestParam LocalDate from, @RequestParam LocalDate to) {
		return calendarMaking.make(from, to);
	}

	@Operation(summary = "One dated session with its roster")
	@Audited(value = AuditAction.READ_ROSTER, whose = Whose.IN_ANSWER)
	@GetMapping("/api/sessions/{id}")
	SessionView one(@PathVariable long id) {
		return view(sessions.get(id));
	}

	@Operation(summary = "Cancel one session with a reason (422 if attendance was already recorded)")
	@ApiResponse(responseCode = "200", description = "The session, now CANCELLED")
	@ApiResponse(responseCode = "422",
			description = "Attendance is recorded for the session, or it was already cancelled")
	@Audited(value = AuditAction.CANCEL_SESSION, whose = Whose.IN_ANSWER)
	@PostMapping("/api/sessions/{id}/cancel")
	SessionView cancel(@PathVariable long id, @Valid @RequestBody Cancel body) {
		return view(sessions.cancel(id, body.reason()));
	}

	@Operation(summary = "Schedule a cancelled session again",
			description = "Its roster is what the plans make it, as if it had never been cancelled (a make-up keeps "
					+ "its participants). A session cancelled by a closure comes back only with the closure's undo.")
	@ApiResponse(responseCode = "200", description = "The session, SCHEDULED again")
	@ApiResponse(responseCode = "409", description = "The program is closed on the session's date")
	@ApiResponse(responseCode = "422", description = "The session is not cancelled")
	@Audited(value = AuditAction.REINSTATE_SESSION, whose = Whose.IN_ANSWER)
	@PostMapping("/api/sessions/{id}/reinstate")
	SessionView reinstate(@PathVariable long id) {
		return view(sessions.reinstate(id));
	}

	@Operation(summary = "Close the program for a day: every session that day is cancelled in one step")
	@ApiResponse(responseCode = "409", description = "The program is already closed that day")
	@ApiResponse(responseCode = "422", description = "Attendance is recorded for a session that day")
	@PostMapping("/api/programs/{programId}/closures")
	@ResponseStatus(HttpStatus.CREATED)
	ClosureView close(@PathVariable long programId, @Valid @RequestBody NewClosure body,
			@AuthenticationPrincipal SignedIn me) {
		Closures.Closed closed = closures.close(programId, body.date(), body.reason(), me.id());
		Closure c = closed.closure();
		return new ClosureView(c.getId(), c.getProgramId(), c.getDate(), c.getReason(), closed.cancelledSessionIds());
	}

	@Operation(summary = "The program's closures")
	@GetMapping("/api/programs/{programId}/closures")
	List<ClosureView> closures(@PathVariable long programId) {
		return closures.ofProgram(programId)
			.stream()
			.map(c -> new ClosureView(c.getId(), c.getProgramId(), c.getDate(), c.getReason(), null))
			.toList();
	}

	@Operation(summary = "Undo a closure: the sessions it cancelled are scheduled again")
	@DeleteMapping("/api/programs/{programId}/closures/{closureId}")
	Map<String, List<Long>> reopen(@PathVariable long programId, @PathVariable long closureId) {
		return Map.of("reopenedSessionIds", closures.reopen(programId, closureId));
	}

	/** A session as the API shows it: in its program's zone, with its roster. */
	private SessionView view(DatedSession session) {
		return SessionView.of(session, zone(session), rosters.of(session));
	}

	private ZoneId zone(DatedSession session) {
		return programs.get(session.getProgramId()).zone();
	}

}
