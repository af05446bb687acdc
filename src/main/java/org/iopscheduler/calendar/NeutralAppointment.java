package org.iopscheduler.calendar;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.iopscheduler.program.ContactWording;

/**
 * A session as anything that leaves the service tells it (a calendar event, a reminder):
 * the program's neutral title, when, and where. Never the program's name, the session's
 * title or type, its counselor or anyone else on it: whoever sees the owner's phone must
 * not learn that they are treated in a substance-use program (42 CFR Part 2, HIPAA).
 *
 * @param summary the program's title, and " – " and its clinic name when one is set
 * @param location the room, or the video link
 * @param url the video link of a video session, else null
 * @param description a neutral line on how to change it
 * @param startsAt the wall time in the program's zone
 * @param endsAt as above, {@code startsAt} + the duration
 */
public record NeutralAppointment(String summary, String location, URI url, String description, ZonedDateTime startsAt,
		ZonedDateTime endsAt) {

	static final String DESCRIPTION = "Reply to your care team to change this appointment.";

	public static NeutralAppointment of(DatedSession session, ZoneId zone, ContactWording wording) {
		String summary = wording.clinicName() == null ? wording.title()
				: wording.title() + " \u2013 " + wording.clinicName();
		URI url = session.getLocationKind() == LocationKind.VIDEO ? URI.create(session.getLocation()) : null;
		return new NeutralAppointment(summary, session.getLocation(), url, DESCRIPTION, session.startsAt(zone),
				session.endsAt(zone));
	}

}
