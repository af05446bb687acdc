package org.iopscheduler.feed;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.NeutralAppointment;
import org.iopscheduler.program.ContactWording;

/**
 * A feed as an iCalendar (RFC 5545) document, and its strong ETag. Everything in it is
 * neutral (see {@link NeutralAppointment}): the calendar's name, its PRODID and each
 * event's UID say nothing of the program. The same sessions give the same bytes (DTSTAMP
 * is the session's creation, not the time of the fetch), so a calendar app that polls
 * every few minutes gets 304 until something changed.
 *
 * @param text the document
 * @param etag a strong ETag (quoted) of the text
 */
public record FeedDocument(String text, String etag) {

	static final String PRODUCT = "-//Scheduler//Calendar feed//EN";

	static final String CALENDAR_NAME = "Appointments";

	/**
	 * UIDs are unique by the session's id under one fixed domain, whatever host served
	 * them.
	 */
	static final String UID_SUFFIX = "@scheduler.invalid";

	private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

	/** One session of the feed, with its program's zone and wording. */
	record Entry(DatedSession session, ZoneId zone, ContactWording wording) {
	}

	static FeedDocument of(List<Entry> entries) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId(PRODUCT));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(new XProperty("X-WR-CALNAME", CALENDAR_NAME));
		Map<String, TimeZone> zones = new LinkedHashMap<>();
		for (Entry entry : entries) {
			TimeZone zone = zoneOf(entry.zone());
			if (zone != null) {
				zones.putIfAbsent(zone.getID(), zone);
			}
		}
		zones.values().forEach(zone -> calendar.add(zone.getVTimeZone()));
		entries.forEach(entry -> calendar.add(event(entry, zoneOf(entry.zone()) != null)));
		StringWriter text = new StringWriter();
		try {
			new CalendarOutputter(false).output(calendar, text);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (ValidationException e) {
			throw new IllegalStateException("the feed is no valid iCalendar: " + e.getMessage(), e);
		}
		String document = text.toString();
		return new FeedDocument(document, "\"" + sha256(document) + "\"");
	}

	private static VEvent event(Entry entry, boolean withZone) {
		DatedSession session = entry.session();
		NeutralAppointment appointment = NeutralAppointment.of(session, entry.zone(), entry.wording());
		// a zone the registry does not know (UTC) is written in UTC: the same instants
		Temporal start = withZone ? appointment.startsAt() : appointment.startsAt().toInstant();
		Temporal end = withZone ? appointment.endsAt() : appointment.endsAt().toInstant();
		VEvent event = new VEvent(start, end, appointment.summary());
		event.add(new Uid("session-" + session.getId() + UID_SUFFIX));
		// the constructor stamps the machine's time: replaced, the same sessions give the
		// same bytes
		event.replace(new DtStamp(session.getCreatedAt() != null ? session.getCreatedAt() : Instant.EPOCH));
		event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, session.getRowVersion())));
		event.add(session.isCancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
		event.add(new Location(appointment.location()));
		if (appointment.url() != null) {
			event.add(new Url(appointment.url()));
		}
		event.add(new Description(appointment.description()));
		return event;
	}

	private static TimeZone zoneOf(ZoneId zone) {
		if (zone.normalized() instanceof ZoneOffset) {
			return null;
		}
		return ZONES.getTimeZone(zone.getId());
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

}
