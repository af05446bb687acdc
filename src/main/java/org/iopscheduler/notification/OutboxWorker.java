package org.iopscheduler.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.iopscheduler.contact.Consents;
import org.iopscheduler.contact.ContactChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.iopscheduler.system.Periodic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what is due, every {@code iop.notifications.period} (30 s; 0 = paused). A turn
 * claims up to a batch of due messages in a short transaction of its own
 * ({@code for update skip locked}: two instances claim different rows, neither waits),
 * leasing them to this instance for {@link #LEASE}; then, outside any transaction, checks
 * each once more (consent, {@link DeliveryCheck}s), sends it, and marks it. A row whose
 * lease ran out (the instance died between claim and send) is due again, so nothing is
 * lost; a mark lands only while the lease it was sent under still holds, so two instances
 * never both mark a row.
 */
@Component
@EnableScheduling
public class OutboxWorker implements SchedulingConfigurer {

	static final String PERIOD = "iop.notifications.period";

	static final String DELIVERY = "iop.notifications.delivery";

	static final String DEMO_OUTBOX = "demo outbox";

	/** Longer than a send may take (the channels' time-outs are shorter). */
	static final Duration LEASE = Duration.ofMinutes(2);

	static final int BATCH = 50;

	/** After the first, second... failed attempt; the fifth failure is final. */
	static final List<Duration> BACKOFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
			Duration.ofMinutes(120));

	static final int MOST_ATTEMPTS = BACKOFF.size() + 1;

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Environment settings;

	private final Periodic period;

	private final Consents consents;

	private final List<DeliveryCheck> checks;

	private final Map<ContactChannel, Channel> channels = new EnumMap<>(ContactChannel.class);

	private final String instance;

	@Autowired
	OutboxWorker(DataSource dataSource, PlatformTransactionManager transactions, Clock clock, Environment settings,
			Consents consents, List<DeliveryCheck> checks, List<Channel> channels) {
		this(dataSource, transactions, clock, settings, consents, checks, channels, instanceId(settings));
	}

	OutboxWorker(DataSource dataSource, PlatformTransactionManager transactions, Clock clock, Environment settings,
			Consents consents, List<DeliveryCheck> checks, List<Channel> channels, String instance) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = settings;
		this.period = new Periodic(settings, PERIOD, Duration.ofSeconds(30), Duration.ofSeconds(30));
		this.consents = consents;
		this.checks = checks;
		channels.forEach(c -> this.channels.put(c.channel(), c));
		this.instance = instance;
	}

	/** iop.notifications.instance-id, else the host's name and a random part. */
	private static String instanceId(Environment settings) {
		String given = settings.getProperty("iop.notifications.instance-id", "");
		if (!given.isBlank()) {
			return given;
		}
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException unknown) {
			host = "host";
		}
		String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
		return id.length() > 100 ? id.substring(id.length() - 100) : id;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		period.schedule(registrar, this::tick, null);
	}

	Duration period() {
		return period.period();
	}

	private void tick() {
		try {
			runOnce();
		}
		catch (DataAccessException unavailable) {
			// what was claimed comes back when its lease ends; the next turn tries again
			log.warn("notifications not sent: {}", unavailable.getClass().getSimpleName());
		}
	}

	/** What one turn did. */
	public record Turn(int sent, int skipped, int retried, int failed) {

		public int handled() {
			return sent + skipped + retried + failed;
		}

	}

	/** One turn: claims what is due now and delivers it. */
	public Turn runOnce() {
		Claim claim = claim();
		int sent = 0;
		int skipped = 0;
		int retried = 0;
		int failed = 0;
		for (Notification message : claim.messages()) {
			switch (deliver(message, claim)) {
				case SENT -> sent++;
				case SKIPPED -> skipped++;
				case FAILED -> failed++;
				case PENDING -> retried++;
			}
		}
		return new Turn(sent, skipped, retried, failed);
	}

	/** The rows leased to this instance by one turn, until {@code until}. */
	record Claim(String by, Instant until, List<Notification> messages) {
	}

	/**
	 * Leases up to a batch of due rows to this instance. The update repeats the
	 * conditions: it reads the newest committed row, so a row another instance claimed
	 * and committed after this select began is left to it; the rows read back are those
	 * carrying this turn's lease.
	 */
	Claim claim() {
		Instant now = clock.instant();
		// stored to the microsecond (both databases): the lease is compared as stored
		Instant until = now.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
		List<Notification> claimed = transactions.execute(status -> {
			MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", Outbox.utc(now))
				.addValue("until", Outbox.utc(until))
				.addValue("me", instance);
			List<Long> due = jdbc.queryForList("select id from notification where status = 'PENDING'"
					+ " and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)"
					+ " order by next_attempt_at, id fetch first " + BATCH + " rows only for update skip locked",
					params, Long.class);
			if (due.isEmpty()) {
				return List.of();
			}
			params.addValue("ids", due);
			jdbc.update("update notification set claimed_by = :me, claimed_until = :until where id in (:ids)"
					+ " and status = 'PENDING' and (claimed_until is null or claimed_until < :now)", params);
			return jdbc.query(
					"select " + Outbox.COLUMNS + " from notification where id in (:ids)"
							+ " and claimed_by = :me and claimed_until = :until order by next_attempt_at, id",
					params, Outbox::row);
		});
		return new Claim(instance, until, claimed);
	}

	/** Checks, sends and marks one claimed message; answers its new status. */
	NotificationStatus deliver(Notification message, Claim claim) {
		Optional<String> address = consents.activeAddress(message.recipientId(), message.channel());
		if (address.isEmpty()) {
			return mark(message, claim, NotificationStatus.SKIPPED,
					"no consent to be contacted by " + (message.channel() == ContactChannel.EMAIL ? "e-mail" : "SMS"));
		}
		for (DeliveryCheck check : checks) {
			Optional<String> reason = check.skip(message);
			if (reason.isPresent()) {
				return mark(message, claim, NotificationStatus.SKIPPED, reason.get());
			}
		}
		if (demoOutbox()) {
			// the demo sends nothing anywhere: the coordinator reads it on the outbox
			// page
			return mark(message, claim, NotificationStatus.SENT, DEMO_OUTBOX);
		}
		Channel channel = channels.get(message.channel());
		Optional<String> notConfigured = channel == null ? Optional.of(message.channel() + " is not configured")
				: channel.notConfigured();
		if (notConfigured.isPresent()) {
			return mark(message, claim, NotificationStatus.SKIPPED, notConfigured.get());
		}
		try {
			channel.send(address.get(), message.subject(), message.body());
		}
		catch (RuntimeException failure) {
			return failed(message, claim, failure);
		}
		return mark(message, claim, NotificationStatus.SENT, null);
	}

	private boolean demoOutbox() {
		return "outbox".equalsIgnoreCase(settings.getProperty(DELIVERY, "send").strip());
	}

	private NotificationStatus failed(Notification message, Claim claim, RuntimeException failure) {
		int attempts = message.attempts() + 1;
		// the reason names the kind of failure and the server's words, never the address
		// or the text
		String reason = reason(failure);
		if (attempts >= MOST_ATTEMPTS) {
			return mark(message, claim, NotificationStatus.FAILED,
					"gave up after " + attempts + " attempts: " + reason);
		}
		Instant next = clock.instant().plus(BACKOFF.get(attempts - 1));
		int updated = jdbc.update("update notification set attempts = :attempts, next_attempt_at = :next,"
				+ " reason = :reason, claimed_by = null, claimed_until = null where id = :id and status = 'PENDING'"
				+ " and claimed_by = :me and claimed_until = :until",
				held(message, claim).addValue("attempts", attempts)
					.addValue("next", Outbox.utc(next))
					.addValue("reason", cut(reason)));
		return updated == 1 ? NotificationStatus.PENDING : message.status();
	}

	private static String reason(RuntimeException failure) {
		String said = failure instanceof DeliveryFailed ? failure.getMessage() : failure.getClass().getSimpleName()
				+ (failure.getMessage() == null ? "" : ": " + failure.getMessage());
		return said == null ? failure.getClass().getSimpleName() : said;
	}

	private NotificationStatus mark(Notification message, Claim claim, NotificationStatus status, String reason) {
		int updated = jdbc.update(
				"update notification set status = :status, reason = :reason,"
						+ " attempts = attempts + :tried, sent_at = :sent, claimed_by = null, claimed_until = null"
						+ " where id = :id and status = 'PENDING' and claimed_by = :me and claimed_until = :until",
				held(message, claim).addValue("status", status.name())
					.addValue("reason", cut(reason))
					.addValue("tried", status == NotificationStatus.SKIPPED ? 0 : 1)
					.addValue("sent", status == NotificationStatus.SENT ? Outbox.utc(clock.instant()) : null,
							java.sql.Types.TIMESTAMP_WITH_TIMEZONE));
		// not marked: the lease ran out and another instance holds the row now
		return updated == 1 ? status : message.status();
	}

	private static MapSqlParameterSource held(Notification message, Claim claim) {
		return new MapSqlParameterSource().addValue("id", message.id())
			.addValue("me", claim.by())
			.addValue("until", Outbox.utc(claim.until()));
	}

	private static String cut(String reason) {
		return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
	}

}
