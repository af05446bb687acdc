package org.iopscheduler.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.Access;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.CounselorSessions;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.enrollment.ParticipantSchedules;
import org.iopscheduler.enrollment.ParticipantZones;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.program.ContactWording;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.Forbidden;
import org.iopscheduler.system.NotFound;
import org.iopscheduler.system.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calendar feeds: issuing one (a new secret address; the old one stops working), revoking
 * it, and reading it. A feed holds the sessions its owner is expected at (a participant)
 * or leads (a counselor) from {@link #WEEKS_BACK} weeks before today to
 * {@link #WEEKS_AHEAD} weeks after, today taken where the owner is treated.
 */
@Service
public class CalendarFeeds {

	public static final int WEEKS_BACK = 4;

	public static final int WEEKS_AHEAD = 12;

	/** What the audit line names as the request: never the token, which is the key. */
	static final String TARGET = "/feeds/{token}.ics";

	private final FeedStore store;

	private final People people;

	private final ParticipantSchedules schedules;

	private final ParticipantZones participantZones;

	private final CounselorSessions counselorSessions;

	private final Programs programs;

	private final ClinicCalendar calendar;

	private final AuditLog auditLog;

	private final TransactionTemplate ownTransaction;

	CalendarFeeds(FeedStore store, People people, ParticipantSchedules schedules, ParticipantZones participantZones,
			CounselorSessions counselorSessions, Programs programs, ClinicCalendar calendar, AuditLog auditLog,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.people = people;
		this.schedules = schedules;
		this.participantZones = participantZones;
		this.counselorSessions = counselorSessions;
		this.programs = programs;
		this.calendar = calendar;
		this.auditLog = auditLog;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A newly issued feed: its token (shown once, never stored) and when. */
	public record Issued(String token, Instant createdAt) {
	}

	/** A feed as read: whose, and the document. */
	public record Read(long ownerId, FeedDocument document) {
	}

	/**
	 * A new feed for a participant or a counselor; any earlier one of theirs stops
	 * working. Coordinators lead no sessions and have none.
	 */
	public Issued issue(long accountId) {
		Account account = people.get(accountId);
		if (account.getRole() == Role.COORDINATOR) {
			throw new Forbidden(Refusal.of("calendar-feed.not-for-coordinators", null,
					"a calendar feed holds the sessions a participant attends or a counselor leads; "
							+ "a coordinator has none"));
		}
		String token = FeedTokens.fresh();
		Instant now = calendar.now();
		store.replace(accountId, FeedTokens.hash(token), now);
		return new Issued(token, now);
	}

	/** The account's feed stops working; nothing happens when it has none. */
	public void revoke(long accountId) {
		people.get(accountId);
		store.delete(accountId);
	}

	/**
	 * The feed behind a token, its reading audited as a read of its owner's schedule. An
	 * unknown or revoked token is not found.
	 */
	public Read read(String token, String method) {
		Optional<Long> owner = FeedTokens.wellFormed(token) ? store.ownerOf(FeedTokens.hash(token)) : Optional.empty();
		Account account = owner.map(people::get)
			.orElseThrow(() -> new NotFound("no calendar feed at this address: it may have been replaced or revoked"));
		FeedDocument document = FeedDocument.of(entries(account));
		audit(account, method);
		return new Read(account.getId(), document);
	}

	private List<FeedDocument.Entry> entries(Account account) {
		Map<Long, ContactWording> wordings = new HashMap<>();
		if (account.getRole() == Role.PARTICIPANT) {
			LocalDate today = calendar.today(participantZones.zoneOf(account.getId()));
			return schedules.between(account.getId(), from(today), to(today))
				.stream()
				.map(s -> entry(s.session(), s.zone(), wordings))
				.toList();
		}
		// a counselor's programs may lie in several zones: their today is the
		// organisation's
		LocalDate today = calendar.today(calendar.organisationZone());
		Map<Long, ZoneId> zones = new HashMap<>();
		return counselorSessions.between(account.getId(), from(today), to(today))
			.stream()
			.map(s -> entry(s, zones.computeIfAbsent(s.getProgramId(), programs::zoneOf), wordings))
			.sorted((a, b) -> a.session()
				.startsAt(a.zone())
				.toInstant()
				.compareTo(b.session().startsAt(b.zone()).toInstant()))
			.toList();
	}

	private FeedDocument.Entry entry(DatedSession session, ZoneId zone, Map<Long, ContactWording> wordings) {
		return new FeedDocument.Entry(session, zone,
				wordings.computeIfAbsent(session.getProgramId(), programs::contactWording));
	}

	private static LocalDate from(LocalDate today) {
		return today.minusWeeks(WEEKS_BACK);
	}

	private static LocalDate to(LocalDate today) {
		return today.plusWeeks(WEEKS_AHEAD);
	}

	/**
	 * One line per fetch, stored before the feed is sent: the owner read their own
	 * schedule (a counselor's names no participant: the feed shows none).
	 */
	private void audit(Account owner, String method) {
		Access access = new Access(owner.getId(), owner.getRole().name(), AuditAction.READ_SCHEDULE, method, TARGET);
		ownTransaction.executeWithoutResult(status -> {
			if (owner.getRole() == Role.PARTICIPANT) {
				auditLog.record(access, Set.of(owner.getId()));
			}
			else {
				auditLog.recordWithoutParticipant(access);
			}
		});
	}

}
