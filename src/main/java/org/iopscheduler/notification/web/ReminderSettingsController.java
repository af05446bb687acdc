package org.iopscheduler.notification.web;

import java.time.LocalTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;
import org.iopscheduler.notification.ReminderSettings;
import org.iopscheduler.notification.Reminders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reminders")
@RestController
@RequiredArgsConstructor
class ReminderSettingsController {

	private final Reminders reminders;

	record QuietHoursView(@NotNull LocalTime from, @NotNull LocalTime until) {
	}

	record SettingsChange(@NotNull Boolean enabled, @NotEmpty @Size(max = 3) List<@NotNull Integer> leadMinutes,
			@NotNull @Valid QuietHoursView quietHours) {
	}

	record SettingsView(long programId, boolean enabled, List<Integer> leadMinutes, QuietHoursView quietHours) {

		static SettingsView of(ReminderSettings settings) {
			return new SettingsView(settings.getProgramId(), settings.isEnabled(), settings.times().leadMinutes(),
					new QuietHoursView(settings.getQuietFrom(), settings.getQuietUntil()));
		}

	}

	@Operation(summary = "When a program's reminders go out",
			description = "Defaults: enabled, 1440 and 120 minutes before each session, quiet hours 21:00 to 08:00 in "
					+ "the program's zone.")
	@GetMapping("/api/programs/{programId}/reminder-settings")
	SettingsView of(@PathVariable long programId) {
		return SettingsView.of(reminders.of(programId));
	}

	@Operation(summary = "Change when a program's reminders go out (coordinators)",
			description = "One to three lead times of 15 to 10080 minutes; a lead of whole days keeps the wall time. "
					+ "A reminder falling inside the quiet hours moves to their nearer edge before the session.")
	@ApiResponse(responseCode = "200", description = "The settings as changed")
	@ApiResponse(responseCode = "422", description = "A lead time out of range, too many, or quiet hours of no length")
	@PutMapping("/api/programs/{programId}/reminder-settings")
	SettingsView change(@PathVariable long programId, @Valid @RequestBody SettingsChange body) {
		return SettingsView.of(reminders.change(programId, body.enabled(), body.leadMinutes(), body.quietHours().from(),
				body.quietHours().until()));
	}

}
