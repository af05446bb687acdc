package org.iopscheduler.notification;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Savepoint;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.iopscheduler.contact.ConsentWithdrawn;
import org.iopscheduler.contact.ContactChannel;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox: a message is written in the caller's transaction, with the change that
 * causes it (a reminder with the enrolment, a cancellation notice with the cancellation),
 * so neither exists without the other; {@link OutboxWorker} sends it afterwards.
 */
@Service
public class Outbox {

	/** The most rows a list answers with. */
	public static final int MOST_LISTED = 500;

	static final String COLUMNS = "id, kind, channel, recipient_id, participant_id, session_id, lead_minutes,"
			+ " dedupe_key, subject, body, due_at, status, reason, attempts, next_attempt_at, sent_at, created_at";

	static final String WITHDRAWN = "consent to be contacted this way was withdrawn";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final DataSource dataSource;

	private final EntityManager entities;

	Outbox(DataSource dataSource, Clock clock, EntityManager entities) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.dataSource = dataSource;
		this.clock = clock;
		this.entities = entities;
	}

	/**
	 * Puts the message in the outbox, in the caller's transaction (there must be one).
	 * Answers false, changing nothing else, when a message with the same dedupe key
	 * exists.
	 * <p>
	 * The insert carries its own {@code where not exists}: a key already stored is simply
	 * not inserted, with no error. That leaves the race of two transactions inserting the
	 * same key at once, neither committed: the second meets the unique key. On PostgreSQL
	 * an error aborts the whole transaction, so the insert runs under a savepoint and the
	 * duplicate rolls back to it alone; the caller's transaction goes on and commits.
	 */
	/** Whether a message with this key was ever put in the outbox. */
	@Transactional(readOnly = true)
	public boolean holds(String dedupeKey) {
		return Boolean.TRUE.equals(jdbc.queryForObject("select count(*) > 0 from notification where dedupe_key = :key",
				new MapSqlParameterSource("key", dedupeKey), Boolean.class));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public boolean enqueue(NewMessage message) {
		Instant now = clock.instant();
		MapSqlParameterSource row = new MapSqlParameterSource().addValue("kind", message.kind().name())
			.addValue("channel", message.channel().name())
			.addValue("recipient", message.recipientId())
			.addValue("participant", message.participantId())
			.addValue("session", message.sessionId())
			.addValue("lead", message.leadMinutes())
			.addValue("key", message.dedupeKey())
			.addValue("subject", message.subject())
			.addValue("body", message.body())
			.addValue("due", utc(message.dueAt()))
			.addValue("now", utc(now));
		// what the caller changed through JPA (a session just made) is in the database
		// before the
		// row that refers to it
		entities.flush();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		Savepoint savepoint = savepoint(connection);
		try {
			// casts: PostgreSQL types the select list's parameters, and a null would be
			// text
			int inserted = jdbc.update("insert into notification (kind, channel, recipient_id, participant_id,"
					+ " session_id, lead_minutes, dedupe_key, subject, body, due_at, status, attempts, next_attempt_at,"
					+ " created_at) select :kind, :channel, :recipient, cast(:participant as bigint),"
					+ " cast(:session as bigint), cast(:lead as integer), :key, :subject, :body, :due, 'PENDING', 0,"
					+ " :due, :now where not exists (select 1 from notification where dedupe_key = :key)", row);
			release(connection, savepoint);
			return inserted == 1;
		}
		catch (DuplicateKeyException raced) {
			rollback(connection, savepoint);
			return false;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/*
	 * The savepoint is taken on the transaction's own JDBC connection (the JPA
	 * transaction manager allows no nested transactions of its own).
	 */
	private static Savepoint savepoint(Connection connection) {
		try {
			return connection.setSavepoint();
		}
		catch (SQLException failed) {
			throw new IllegalStateException("no savepoint for the outbox's insert", failed);
		}
	}

	private static void release(Connection connection, Savepoint savepoint) {
		try {
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException ignored) {
			// a savepoint not released ends with the transaction
		}
	}

	private static void rollback(Connection connection, Savepoint savepoint) {
		try {
			connection.rollback(savepoint);
		}
		catch (SQLException failed) {
			throw new IllegalStateException("the outbox's insert could not be rolled back to its savepoint", failed);
		}
	}

	/**
	 * Withdrawing a consent stops at once what waits on that channel; a message a worker
	 * holds now is checked again by the worker before it is sent.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void consentWithdrawn(ConsentWithdrawn withdrawn) {
		jdbc.update("update notification set status = 'SKIPPED', reason = :reason where recipient_id = :recipient"
				+ " and channel = :channel and status = 'PENDING' and (claimed_until is null or claimed_until < :now)",
				new MapSqlParameterSource().addValue("reason", WITHDRAWN)
					.addValue("recipient", withdrawn.participantId())
					.addValue("channel", withdrawn.channel().name())
					.addValue("now", utc(clock.instant())));
	}

	/**
	 * The reminders still waiting for a session that was cancelled or moved are not sent,
	 * in the transaction of that change; one a worker holds now is checked again before
	 * it goes.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int skipWaitingReminders(long sessionId, String reason) {
		return jdbc.update("update notification set status = 'SKIPPED', reason = :reason where session_id = :session"
				+ " and kind = 'REMINDER' and status = 'PENDING' and (claimed_until is null or claimed_until < :now)",
				new MapSqlParameterSource().addValue("reason", reason)
					.addValue("session", sessionId)
					.addValue("now", utc(clock.instant())));
	}

	/**
	 * Messages, newest first, about a participant and/or a session and/or in a status.
	 */
	@Transactional(readOnly = true)
	public List<Notification> list(Long participantId, Long sessionId, NotificationStatus status, int limit) {
		List<String> where = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		if (participantId != null) {
			where.add("participant_id = :participant");
			params.addValue("participant", participantId);
		}
		if (sessionId != null) {
			where.add("session_id = :session");
			params.addValue("session", sessionId);
		}
		if (status != null) {
			where.add("status = :status");
			params.addValue("status", status.name());
		}
		int rows = Math.max(1, Math.min(limit, MOST_LISTED));
		return jdbc.query("select " + COLUMNS + " from notification"
				+ (where.isEmpty() ? "" : " where " + String.join(" and ", where))
				+ " order by created_at desc, id desc fetch first " + rows + " rows only", params, Outbox::row);
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Notification row(ResultSet rs, int n) throws SQLException {
		int lead = rs.getInt("lead_minutes");
		Integer leadMinutes = rs.wasNull() ? null : lead;
		return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
				ContactChannel.valueOf(rs.getString("channel")), rs.getLong("recipient_id"),
				nullableLong(rs, "participant_id"), nullableLong(rs, "session_id"), leadMinutes,
				rs.getString("dedupe_key"), rs.getString("subject"), rs.getString("body"), instant(rs, "due_at"),
				NotificationStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getInt("attempts"),
				instant(rs, "next_attempt_at"), instant(rs, "sent_at"), instant(rs, "created_at"));
	}

}
