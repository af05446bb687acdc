package org.iopscheduler.attendance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.iopscheduler.attendance.internal.AbsenceNoticeRepository;
import org.iopscheduler.attendance.internal.CannotComeLinkRepository;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.LocationKind;
import org.iopscheduler.calendar.NeutralAppointment;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-use "I can't come" links a reminder carries. A link belongs to one session and
 * one participant, works once, and only until the session starts. The token is 256 random
 * bits (base64url); only its SHA-256 is stored. A text message is opened without signing
 * in, so the token is the only key: its page shows nothing but the neutral appointment
 * (42 CFR Part 2: no program, title, type, counselor or other participants).
 */
@Service
public class CannotComeLinks {

	/** Where a link opens, before the token. */
	public static final String PATH = "/cannot-come/";

	private static final int TOKEN_BYTES = 32;

	/** 32 bytes in base64url without padding. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CannotComeLinkRepository links;

	private final AbsenceNoticeRepository notices;

	private final AbsenceNotices absenceNotices;

	private final Sessions sessions;

	private final Programs programs;

	private final Rosters rosters;

	private final Clock clock;

	CannotComeLinks(CannotComeLinkRepository links, AbsenceNoticeRepository notices, AbsenceNotices absenceNotices,
			Sessions sessions, Programs programs, Rosters rosters, Clock clock) {
		this.links = links;
		this.notices = notices;
		this.absenceNotices = absenceNotices;
		this.sessions = sessions;
		this.programs = programs;
		this.rosters = rosters;
		this.clock = clock;
	}

	/**
	 * A new link for the participant's session; the token to put in the message. Joins
	 * the caller's transaction (the reminder planner's, enqueueing the message): a
	 * message rolled back leaves no link behind.
	 */
	@Transactional
	public String issue(long sessionId, long participantId) {
		byte[] random = new byte[TOKEN_BYTES];
		RANDOM.nextBytes(random);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		links.save(new CannotComeLink(hash(token), sessionId, participantId, clock.instant()));
		return token;
	}

	/** The link's path relative to the site, {@code /cannot-come/<token>}. */
	public static String path(String token) {
		return PATH + token;
	}

	/**
	 * What the link's page may say: the program's neutral title ("Appointment"), when and
	 * where, and its state.
	 */
	public record Appointment(String title, ZonedDateTime startsAt, ZonedDateTime endsAt, String location,
			boolean video, AbsenceNotices.Outcome state) {

		/** Whether the button can still be pressed. */
		public boolean open() {
			return state == null;
		}

	}

	/**
	 * The link's appointment and what pressing would do now ({@code state} null: it would
	 * send notice). An unknown or malformed token is not found.
	 */
	@Transactional(readOnly = true)
	public Appointment look(String token) {
		CannotComeLink link = find(token);
		DatedSession session = sessions.get(link.getSessionId());
		ZoneId zone = programs.zoneOf(session.getProgramId());
		AbsenceNotices.Outcome state = null;
		if (link.isUsed()
				|| notices.findBySessionIdAndParticipantId(session.getId(), link.getParticipantId()).isPresent()) {
			state = AbsenceNotices.Outcome.ALREADY_SENT;
		}
		else if (!rosters.includes(session, link.getParticipantId())) {
			state = AbsenceNotices.Outcome.NOT_EXPECTED;
		}
		else if (session.isCancelled()) {
			state = AbsenceNotices.Outcome.CANCELLED;
		}
		else if (session.hasStartedAt(clock.instant(), zone)) {
			state = AbsenceNotices.Outcome.TOO_LATE;
		}
		return appointment(session, zone, state);
	}

	/**
	 * Presses the button: records the notice once. The link is spent when notice is sent
	 * (or was already sent for that session); a cancelled or started session, or a
	 * participant no longer expected, records nothing and leaves the link as it was.
	 * Under the link's row lock: two presses at once send one notice.
	 */
	@Transactional
	public Appointment press(String token) {
		check(token);
		CannotComeLink link = links.lockByTokenHash(hash(token)).orElseThrow(CannotComeLinks::unknown);
		DatedSession session = sessions.get(link.getSessionId());
		ZoneId zone = programs.zoneOf(session.getProgramId());
		if (link.isUsed()) {
			return appointment(session, zone, AbsenceNotices.Outcome.ALREADY_SENT);
		}
		AbsenceNotices.Given given = absenceNotices.giveByLink(link);
		if (given.outcome() == AbsenceNotices.Outcome.SENT || given.outcome() == AbsenceNotices.Outcome.ALREADY_SENT) {
			link.use(clock.instant());
		}
		return appointment(session, zone, given.outcome());
	}

	private Appointment appointment(DatedSession session, ZoneId zone, AbsenceNotices.Outcome state) {
		String title = NeutralAppointment.of(session, zone, programs.contactWording(session.getProgramId())).summary();
		return new Appointment(title, session.startsAt(zone), session.endsAt(zone), session.getLocation(),
				session.getLocationKind() == LocationKind.VIDEO, state);
	}

	private CannotComeLink find(String token) {
		check(token);
		return links.findByTokenHash(hash(token)).orElseThrow(CannotComeLinks::unknown);
	}

	private static void check(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			throw unknown();
		}
	}

	private static NotFound unknown() {
		// the same answer for a malformed, tampered and unknown token: nothing to learn
		return new NotFound("no such link");
	}

	/** SHA-256 of the token, in hex: what the table keeps. */
	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException everyJavaHasIt) {
			throw new IllegalStateException(everyJavaHasIt);
		}
	}

}
