package org.iopscheduler.calendar;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.iopscheduler.program.Program;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one place that says what "now", "today" and "this week" are, read from the one
 * injected clock and always in a zone: a program's own, a participant's current program's
 * (asked of the enrollment package), or the organisation's
 * ({@code iop.organisation.time-zone}) for what belongs to no program. Pages, endpoints
 * and reports ask here; when each took its own, in UTC or the server's zone, a New York
 * participant saw next week's schedule on Sunday evening.
 */
@Component
public class ClinicCalendar {

	/**
	 * Every zone's date lies between the dates at these two offsets (no zone is outside
	 * them).
	 */
	private static final ZoneOffset WESTMOST = ZoneOffset.ofHours(-12);

	private static final ZoneOffset EASTMOST = ZoneOffset.ofHours(14);

	private final Clock clock;

	private final ZoneId organisationZone;

	/**
	 * A blank zone setting means UTC; any other value must be a zone id, or the service
	 * does not start.
	 */
	public ClinicCalendar(Clock clock, @Value("${iop.organisation.time-zone:UTC}") String organisationZone) {
		this.clock = clock;
		this.organisationZone = zone(organisationZone);
	}

	/**
	 * Days that belong to some zone's current week: a window that holds every program's
	 * week.
	 */
	public record Span(LocalDate first, LocalDate last) {
	}

	public Instant now() {
		return clock.instant();
	}

	/** The zone of the organisation-wide report and of anyone with no program. */
	public ZoneId organisationZone() {
		return organisationZone;
	}

	public LocalDate today(ZoneId zone) {
		return LocalDate.ofInstant(now(), zone);
	}

	public LocalDate today(Program program) {
		return today(program.zone());
	}

	public IsoWeek thisWeek(ZoneId zone) {
		return IsoWeek.of(today(zone));
	}

	public IsoWeek thisWeek(Program program) {
		return thisWeek(program.zone());
	}

	/**
	 * From the Monday of this week furthest west to the Sunday of this week furthest
	 * east.
	 */
	public Span thisWeekAnywhere() {
		Instant now = now();
		return new Span(IsoWeek.of(LocalDate.ofInstant(now, WESTMOST)).monday(),
				IsoWeek.of(LocalDate.ofInstant(now, EASTMOST)).sunday());
	}

	private static ZoneId zone(String id) {
		if (id == null || id.isBlank()) {
			return ZoneId.of("UTC");
		}
		try {
			return ZoneId.of(id.strip());
		}
		catch (DateTimeException e) {
			throw new IllegalArgumentException("iop.organisation.time-zone: '" + id
					+ "' is not an IANA time zone id such as Europe/London or America/New_York");
		}
	}

}
