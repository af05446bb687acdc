package org.iopscheduler.notification;

import java.time.LocalTime;
import java.util.Collection;

import lombok.RequiredArgsConstructor;
import org.iopscheduler.program.Programs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A program's reminder settings: the defaults until a coordinator changes them. */
@Service
@RequiredArgsConstructor
public class Reminders {

	private final ReminderSettingsRepository settings;

	private final Programs programs;

	@Transactional(readOnly = true)
	public ReminderSettings of(long programId) {
		programs.get(programId);
		return settings.findById(programId).orElseGet(() -> ReminderSettings.defaults(programId));
	}

	@Transactional
	public ReminderSettings change(long programId, boolean enabled, Collection<Integer> leadMinutes,
			LocalTime quietFrom, LocalTime quietUntil) {
		programs.get(programId);
		ReminderSettings current = settings.findById(programId).orElseGet(() -> ReminderSettings.defaults(programId));
		current.change(enabled, leadMinutes, quietFrom, quietUntil);
		return settings.saveAndFlush(current);
	}

}
