package org.iopscheduler.people.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.web.AccountRecords.NewParticipant;
import org.iopscheduler.people.web.AccountRecords.NewStaff;
import org.iopscheduler.people.web.AccountRecords.ParticipantView;
import org.iopscheduler.people.web.AccountRecords.StaffView;
import org.iopscheduler.system.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Accounts")
@RestController
@RequestMapping("/api")
@RequiredArgsConstructor
class AccountController {

	private final People people;

	@Operation(summary = "Create a coordinator or counselor account (coordinators only)")
	@ApiResponse(responseCode = "409", description = "The username is already taken")
	@PostMapping("/staff")
	@ResponseStatus(HttpStatus.CREATED)
	StaffView createStaff(@Valid @RequestBody NewStaff body) {
		if (body.role() == Role.PARTICIPANT) {
			throw new InvalidInput(
					"role must be COORDINATOR or COUNSELOR; participants are created at /api/participants");
		}
		return StaffView.of(people.createStaff(body.username(), body.password(), body.fullName(), body.role()));
	}

	@Operation(summary = "List staff by name, optionally by role, a page at a time (staff only)")
	@GetMapping("/staff")
	List<StaffView> staff(@RequestParam(required = false) Role role, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + ListPage.DEFAULT_SIZE) int size) {
		if (role == Role.PARTICIPANT) {
			throw new InvalidInput(
					"role: must be COORDINATOR or COUNSELOR; participants are listed at /api/participants");
		}
		ListPage.check(page, size);
		List<Role> roles = role == null ? List.of(Role.COORDINATOR, Role.COUNSELOR) : List.of(role);
		return people.withRoles(roles, page, size).stream().map(StaffView::of).toList();
	}

	@Operation(summary = "Create a participant account (coordinators only)")
	@ApiResponse(responseCode = "409", description = "The username is already taken")
	@Audited(value = AuditAction.CREATE_PARTICIPANT, whose = Whose.ANSWER_IDS)
	@PostMapping("/participants")
	@ResponseStatus(HttpStatus.CREATED)
	ParticipantView createParticipant(@Valid @RequestBody NewParticipant body) {
		return ParticipantView
			.of(people.createParticipant(body.username(), body.password(), body.fullName(), body.dateOfBirth()));
	}

	@Operation(summary = "List participants by name, a page at a time (staff only)")
	@Audited(value = AuditAction.READ_PARTICIPANT, whose = Whose.ANSWER_IDS)
	@GetMapping("/participants")
	List<ParticipantView> participants(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "" + ListPage.DEFAULT_SIZE) int size) {
		ListPage.check(page, size);
		return people.withRoles(List.of(Role.PARTICIPANT), page, size).stream().map(ParticipantView::of).toList();
	}

	@Operation(summary = "One participant (staff only)")
	@Audited(value = AuditAction.READ_PARTICIPANT, whose = Whose.PATH_ID)
	@GetMapping("/participants/{id}")
	ParticipantView participant(@PathVariable long id) {
		return ParticipantView.of(people.participant(id));
	}

}
