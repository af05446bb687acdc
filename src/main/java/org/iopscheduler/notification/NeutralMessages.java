package org.iopscheduler.notification;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.iopscheduler.attendance.CannotComeLinks;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.NeutralAppointment;
import org.iopscheduler.calendar.SessionChanged;
import org.iopscheduler.calendar.WallTime;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.program.Program;
import org.iopscheduler.system.PageFormat;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The words of every message to a participant, in one place: the program's neutral title
 * ("Appointment"), the local day and time, the room or video link, and nothing else (42
 * CFR Part 2: a lock screen must not say that its owner is treated for substance use).
 * Never the program's name, the session's title or type, the counselor or anyone else on
 * it.
 */
@Component
class NeutralMessages {

	static final String LINK_BASE = "iop.notifications.link-base";

	private final CannotComeLinks links;

	private final Environment settings;

	NeutralMessages(CannotComeLinks links, Environment settings) {
		this.links = links;
		this.settings = settings;
	}

	/**
	 * A reminder with its one-use "I can't come" link. One per session, participant, lead
	 * time and start: a session that moves is a new appointment with reminders of its
	 * own.
	 */
	NewMessage reminder(Program program, DatedSession session, long participantId, int leadMinutes,
			ContactChannel channel, Instant due) {
		NeutralAppointment appointment = NeutralAppointment.of(session, program.zone(), program.contactWording());
		String link = base() + CannotComeLinks.path(links.issue(session.getId(), participantId));
		String body = "Reminder: " + appointment.summary() + " on " + when(appointment.startsAt()) + ", "
				+ appointment.location() + ".\nCan't come? Tell us here: " + link;
		String key = reminderKey(session, program, participantId, leadMinutes, channel);
		return new NewMessage(NotificationKind.REMINDER, channel, participantId, participantId, session.getId(),
				leadMinutes, key, appointment.summary() + " reminder", body, due);
	}

	/** The reminder's outbox key: the session's start is part of it (see above). */
	static String reminderKey(DatedSession session, Program program, long participantId, int leadMinutes,
			ContactChannel channel) {
		return NewMessage.reminderKey(session.getId(), participantId, leadMinutes, channel) + ":"
				+ session.startsAt(program.zone()).toEpochSecond();
	}

	/** That a session was cancelled, meets again or moved; once per change. */
	NewMessage sessionChanged(Program program, SessionChanged change, long participantId, ContactChannel channel,
			Instant now) {
		DatedSession session = change.session();
		ZoneId zone = program.zone();
		NeutralAppointment appointment = NeutralAppointment.of(session, zone, program.contactWording());
		String was = when(WallTime.at(change.previousDate(), change.previousStart(), zone));
		String body = switch (change.kind()) {
			case CANCELLED -> appointment.summary() + " on " + was + " is cancelled.";
			case REINSTATED ->
				appointment.summary() + " on " + was + " takes place after all, at " + appointment.location() + ".";
			case MOVED -> appointment.summary() + " on " + was + " has moved to " + when(appointment.startsAt()) + ", "
					+ appointment.location() + ".";
		};
		String subject = appointment.summary() + switch (change.kind()) {
			case CANCELLED -> " cancelled";
			case REINSTATED -> " takes place";
			case MOVED -> " moved";
		};
		// the row version tells a second cancellation after a reinstatement from the
		// first
		String key = "changed:" + session.getId() + ":" + participantId + ":" + change.kind().name().toLowerCase() + ":"
				+ session.getRowVersion() + ":" + channel.name().toLowerCase();
		return new NewMessage(NotificationKind.SESSION_CHANGED, channel, participantId, participantId, session.getId(),
				null, key, subject, body, now);
	}

	private static String when(ZonedDateTime at) {
		return PageFormat.longDay(at.toLocalDate()) + " at " + PageFormat.time(at.toLocalTime());
	}

	/** Where the service is reached from a phone; links in messages start with it. */
	private String base() {
		String base = settings.getProperty(LINK_BASE, "http://localhost:8080");
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
