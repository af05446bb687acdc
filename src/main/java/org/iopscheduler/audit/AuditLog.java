package org.iopscheduler.audit;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit log, one line per participant a request touched, and reads it back.
 */
@Slf4j
@Service
@RequiredArgsConstructor
public class AuditLog {

	private static final String INSERT = "insert into audit_event (occurred_at, actor_id, actor_role, action, "
			+ "participant_id, http_method, target) values (?, ?, ?, ?, ?, ?, ?)";

	private static final int[] TYPES = { Types.TIMESTAMP_WITH_TIMEZONE, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
			Types.BIGINT, Types.VARCHAR, Types.VARCHAR };

	private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");

	private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");

	private final JdbcTemplate jdbc;

	private final AuditEventRepository events;

	private final Clock clock;

	/**
	 * One line per participant, in the caller's transaction (the request's, opened by
	 * {@code @Audited}): the request's work and its lines commit together or not at all.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(Access access, Collection<Long> participantIds) {
		write(access, participantIds);
	}

	/**
	 * One line naming no participant: a request that disclosed many at once, such as an
	 * export. In the caller's transaction, as {@link #record}.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordWithoutParticipant(Access access) {
		List<Long> nobody = new ArrayList<>();
		nobody.add(null);
		write(access, nobody);
	}

	/** One line to store: {@code participantId} null for a line naming nobody. */
	public record Entry(Access access, Long participantId) {
	}

	/**
	 * The lines of many requests in one statement, in the caller's transaction: the read
	 * lines a group commit stores together.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(List<Entry> entries) {
		OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		insert(entries.stream().map(entry -> row(at, entry.access(), entry.participantId())).toList(),
				entries.get(0).access());
	}

	/** Newest first; every filter optional. */
	@Transactional(readOnly = true)
	public Page<AuditEvent> search(Long participantId, Long actorId, Instant from, Instant to, int page, int size) {
		return events.search(participantId, actorId, from != null ? from : BEGINNING, to != null ? to : END,
				PageRequest.of(page, size, Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"))));
	}

	private void write(Access access, Collection<Long> participantIds) {
		OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		insert(participantIds.stream().map(participantId -> row(at, access, participantId)).toList(), access);
	}

	private static Object[] row(OffsetDateTime at, Access access, Long participantId) {
		return new Object[] { at, access.actorId(), access.actorRole(), access.action().name(), participantId,
				access.method(), access.target() };
	}

	private void insert(List<Object[]> rows, Access first) {
		try {
			jdbc.batchUpdate(INSERT, rows, TYPES);
		}
		catch (DataAccessException e) {
			// the kind of failure only: the values name a participant
			log.error("Could not write the audit log ({} by account {}): {}", first.action(), first.actorId(),
					e.getMostSpecificCause().getClass().getSimpleName());
			throw e;
		}
	}

}
