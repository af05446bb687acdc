package org.iopscheduler.people.web;

import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.people.Passwords;
import org.iopscheduler.people.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Passwords over the API: anyone changes their own (the current one first); a coordinator
 * resets another account's and ends its lock-out.
 */
@Tag(name = "Accounts")
@RestController
@RequestMapping("/api")
@RequiredArgsConstructor
class PasswordController {

	private final Passwords passwords;

	record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {

		@Override
		public String toString() {
			return "PasswordChange[...]";
		}

	}

	record PasswordReset(@NotNull String newPassword) {

		@Override
		public String toString() {
			return "PasswordReset[...]";
		}

	}

	@Operation(summary = "Change your own password (any signed-in account)",
			description = "The current password is required. The new one needs at least 12 characters, must not be "
					+ "a common password nor the username. Every page session of the account ends; the old "
					+ "password stops working at once.")
	@ApiResponse(responseCode = "204", description = "Changed")
	@ApiResponse(responseCode = "422",
			description = "currentPassword does not match, or newPassword breaks a password rule; detail names the "
					+ "field and the rule")
	@Audited(value = AuditAction.CHANGE_PASSWORD, whose = Whose.CALLER_ACCOUNT)
	@PostMapping("/me/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void changeOwn(@Valid @RequestBody PasswordChange body, @AuthenticationPrincipal SignedIn me) {
		// HTTP Basic keeps no session: every page session of the account ends
		passwords.changeOwn(me.id(), body.currentPassword(), body.newPassword(), Optional.empty());
	}

	@Operation(summary = "Reset another account's password (coordinators only)",
			description = "The same password rules as a change. Every page session of the account ends; its old "
					+ "password stops working at once. A lock-out stays until the account is unlocked.")
	@ApiResponse(responseCode = "204", description = "Reset")
	@ApiResponse(responseCode = "422",
			description = "newPassword breaks a password rule, or the account is the caller's own (use "
					+ "/api/me/password); detail names the field and the rule")
	@Audited(value = AuditAction.RESET_PASSWORD, whose = Whose.PATH_ACCOUNT)
	@PostMapping("/accounts/{id}/password")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void reset(@PathVariable long id, @Valid @RequestBody PasswordReset body, @AuthenticationPrincipal SignedIn me) {
		passwords.reset(id, me, body.newPassword());
	}

	@Operation(summary = "End an account's lock-out after repeated failed sign-ins (coordinators only)")
	@ApiResponse(responseCode = "204", description = "Unlocked (also when it was not locked)")
	@Audited(value = AuditAction.UNLOCK_ACCOUNT, whose = Whose.PATH_ACCOUNT)
	@PostMapping("/accounts/{id}/unlock")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlock(@PathVariable long id) {
		passwords.unlock(id);
	}

}
