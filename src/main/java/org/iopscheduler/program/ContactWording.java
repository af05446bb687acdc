package org.iopscheduler.program;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;

/**
 * What a program's messages that leave the service (calendar events, reminders) call an
 * appointment, and the clinic name they may show. Neutral by default: anyone who sees a
 * phone's calendar or lock screen must not learn that its owner is treated in a
 * substance-use program (42 CFR Part 2, HIPAA), so no program name, no session type, and
 * no clinic name unless the program's coordinators chose one.
 *
 * @param title what an appointment is called, "Appointment" by default (1 to 80
 * characters)
 * @param clinicName the clinic name to show after the title, or null to show none (1 to
 * 120 characters)
 */
public record ContactWording(String title, String clinicName) {

	public static final String DEFAULT_TITLE = "Appointment";

	public static final int TITLE_LENGTH = 80;

	public static final int CLINIC_NAME_LENGTH = 120;

	public static final ContactWording NEUTRAL = new ContactWording(DEFAULT_TITLE, null);

	public ContactWording {
		if (title == null || title.isBlank()) {
			throw new InvalidInput(Refusal.of("program.contact-title-required", "contactTitle",
					"contactTitle must not be blank: it is what calendar events call an appointment (default '"
							+ DEFAULT_TITLE + "')"));
		}
		title = title.strip();
		if (title.length() > TITLE_LENGTH) {
			throw new InvalidInput(Refusal.of("program.contact-title-too-long", "contactTitle",
					"contactTitle has " + title.length() + " characters, at most " + TITLE_LENGTH + " are allowed",
					"length", title.length(), "maximum", TITLE_LENGTH));
		}
		clinicName = clinicName == null || clinicName.isBlank() ? null : clinicName.strip();
		if (clinicName != null && clinicName.length() > CLINIC_NAME_LENGTH) {
			throw new InvalidInput(Refusal.of(
					"program.contact-clinic-name-too-long", "contactClinicName", "contactClinicName has "
							+ clinicName.length() + " characters, at most " + CLINIC_NAME_LENGTH + " are allowed",
					"length", clinicName.length(), "maximum", CLINIC_NAME_LENGTH));
		}
	}

	/**
	 * This wording with the given parts changed: a null part keeps its value; a blank
	 * clinic name removes it.
	 */
	public ContactWording with(String newTitle, String newClinicName) {
		return new ContactWording(newTitle != null ? newTitle : title,
				newClinicName != null ? newClinicName : clinicName);
	}

}
