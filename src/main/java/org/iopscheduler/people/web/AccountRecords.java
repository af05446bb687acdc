package org.iopscheduler.people.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.iopscheduler.people.Account;
import org.iopscheduler.audit.web.ParticipantData;
import org.iopscheduler.people.Role;

/** Request and response bodies of the accounts API. Passwords go in, never out. */
final class AccountRecords {

	private AccountRecords() {
	}

	static final String USERNAME_RULE = "[A-Za-z0-9._@-]{3,100}";

	record NewStaff(
			@NotBlank @Pattern(regexp = USERNAME_RULE,
					message = "must be 3 to 100 letters, digits or . _ @ -") String username,
			@NotBlank @Size(min = 8, max = 200) String password, @NotBlank @Size(max = 200) String fullName,
			@NotNull Role role) {

		/**
		 * Request records end up in debug logs and error messages: never with the
		 * password.
		 */
		@Override
		public String toString() {
			return "NewStaff[role=" + role + "]";
		}

	}

	record NewParticipant(
			@NotBlank @Pattern(regexp = USERNAME_RULE,
					message = "must be 3 to 100 letters, digits or . _ @ -") String username,
			@NotBlank @Size(min = 8, max = 200) String password, @NotBlank @Size(max = 200) String fullName,
			@NotNull @Past LocalDate dateOfBirth) {

		/** Neither the password nor anything that identifies the participant. */
		@Override
		public String toString() {
			return "NewParticipant[...]";
		}

	}

	record StaffView(Long id, String username, String fullName, Role role) {

		static StaffView of(Account a) {
			return new StaffView(a.getId(), a.getUsername(), a.getFullName(), a.getRole());
		}

	}

	@ParticipantData
	record ParticipantView(Long id, String username, String fullName, LocalDate dateOfBirth) {

		static ParticipantView of(Account a) {
			return new ParticipantView(a.getId(), a.getUsername(), a.getFullName(), a.getDateOfBirth());
		}

	}

}
