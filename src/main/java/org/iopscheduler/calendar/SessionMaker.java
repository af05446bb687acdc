package org.iopscheduler.calendar;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iopscheduler.system.AcceptedDates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the dated sessions of programs' blocks for a range of days, each (block, date)
 * once. Sessions are made on first need (a week is looked at, marked or reported) and
 * then kept, so their ids are stable. Two instances making the same week at once meet on
 * the unique key (block_id, session_date); the loser reads what the winner made. Each
 * program's made days are recorded as its session horizon, so asking again for days
 * already made costs one small query.
 */
@Component
public class SessionMaker {

	private static final String INSERT = """
			insert into dated_session (program_id, block_id, session_date, start_time, duration_minutes, type, title,
			  counselor_id, location_kind, location, status, cancel_reason, closure_id, created_at, version)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""";

	private static final long FIRST_DAY = AcceptedDates.FIRST.toEpochDay();

	/**
	 * Rows per JDBC batch: large enough to amortise round trips, small enough for any
	 * driver.
	 */
	private static final int BATCH = 1_000;

	private final WeeklyBlockRepository blocks;

	private final ClosureRepository closures;

	private final SessionHorizons horizons;

	private final JdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate named;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SessionMaker(WeeklyBlockRepository blocks, ClosureRepository closures, SessionHorizons horizons, JdbcTemplate jdbc,
			NamedParameterJdbcTemplate named, PlatformTransactionManager transactions, Clock clock,
			ApplicationEventPublisher events) {
		this.blocks = blocks;
		this.closures = closures;
		this.horizons = horizons;
		this.jdbc = jdbc;
		this.named = named;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Makes what is missing between the two dates (inclusive); answers how many were
	 * made. Days already made under the program's current calendar cost one small query
	 * and nothing else.
	 */
	public int ensure(Collection<Long> programIds, LocalDate from, LocalDate to) {
		if (programIds.isEmpty()) {
			return 0;
		}
		try {
			return makeWhatIsMissing(programIds, from, to);
		}
		catch (DataIntegrityViolationException raced) {
			// another request made some of them (or the first horizon) first; what is
			// still missing is made now
			return makeWhatIsMissing(programIds, from, to);
		}
	}

	public int ensure(long programId, LocalDate from, LocalDate to) {
		return ensure(List.of(programId), from, to);
	}

	/*
	 * The calendar versions are read first, before the blocks and closures, and the
	 * horizon is recorded with those versions. A block or closure change that commits in
	 * between raises the program's version: whether or not the blocks read below already
	 * show it, the horizon is then recorded under a version older than the program's and
	 * the next ensure computes again. Read after the blocks, the version could already
	 * include a change the blocks did not show, and that change's sessions would never be
	 * made.
	 */
	private int makeWhatIsMissing(Collection<Long> programIds, LocalDate from, LocalDate to) {
		List<SessionHorizons.Horizon> toMake = horizons.toMake(programIds, from, to);
		if (toMake.isEmpty()) {
			return 0;
		}
		List<Long> ids = toMake.stream().map(SessionHorizons.Horizon::programId).toList();
		return ownTransaction.execute(status -> {
			List<Row> made = insertMissing(ids, from, to);
			horizons.record(toMake, from, to);
			if (!made.isEmpty()) {
				// in the making transaction: the new sessions and the weeks they add to
				// commit together. Only the days from the first to the last session made
				// changed: a year of which one week was missing recounts that week alone
				events.publishEvent(DoseInputsChanged.programs(ids, first(made), last(made)));
			}
			return made.size();
		});
	}

	private record Row(long programId, long blockId, LocalDate date, BlockVersion version, WeeklyBlock block,
			Closure closure) {
	}

	private static LocalDate first(List<Row> rows) {
		return rows.stream().map(Row::date).min(LocalDate::compareTo).orElseThrow();
	}

	private static LocalDate last(List<Row> rows) {
		return rows.stream().map(Row::date).max(LocalDate::compareTo).orElseThrow();
	}

	private List<Row> insertMissing(Collection<Long> programIds, LocalDate from, LocalDate to) {
		// (block, day) packed in a long: no string keys, no Object[] rows, for the
		// 100,000s of a year
		Set<Long> existing = new HashSet<>();
		named.query("""
				select block_id, session_date from dated_session
				where program_id in (:ids) and block_id is not null and session_date between :from and :to""",
				Map.of("ids", programIds, "from", Date.valueOf(from), "to", Date.valueOf(to)), rows -> {
					existing.add(key(rows.getLong(1), rows.getDate(2).toLocalDate()));
				});
		Map<Long, Closure> closed = new HashMap<>();
		for (Closure closure : closures.findByProgramIdInAndDateBetween(programIds, from, to)) {
			closed.put(key(closure.getProgramId(), closure.getDate()), closure);
		}
		List<Row> rows = new ArrayList<>();
		for (WeeklyBlock block : blocks.findByProgramsWithVersions(programIds)) {
			for (BlockVersion version : block.getVersions()) {
				LocalDate first = latest(from, version.getValidFrom());
				LocalDate last = version.getValidTo() == null || version.getValidTo().isAfter(to) ? to
						: version.getValidTo().minusDays(1);
				for (LocalDate date = first.with(TemporalAdjusters.nextOrSame(version.getDayOfWeek())); !date
					.isAfter(last); date = date.plusWeeks(1)) {
					if (!existing.contains(key(block.getId(), date))) {
						rows.add(new Row(block.getProgramId(), block.getId(), date, version, block,
								closed.get(key(block.getProgramId(), date))));
					}
				}
			}
		}
		if (!rows.isEmpty()) {
			Timestamp now = Timestamp.from(clock.instant());
			jdbc.batchUpdate(INSERT, rows, BATCH, (statement, row) -> {
				BlockVersion version = row.version();
				Closure closure = row.closure();
				statement.setLong(1, row.programId());
				statement.setLong(2, row.blockId());
				statement.setDate(3, Date.valueOf(row.date()));
				statement.setTime(4, Time.valueOf(version.getStartTime()));
				statement.setInt(5, version.getDurationMinutes());
				statement.setString(6, row.block().getType().name());
				statement.setString(7, row.block().getTitle());
				statement.setLong(8, version.getCounselorId());
				statement.setString(9, version.getLocationKind().name());
				statement.setString(10, version.getLocation());
				statement.setString(11, closure == null ? "SCHEDULED" : "CANCELLED");
				if (closure == null) {
					statement.setNull(12, Types.VARCHAR);
					statement.setNull(13, Types.BIGINT);
				}
				else {
					statement.setString(12, closure.sessionReason());
					statement.setLong(13, closure.getId());
				}
				statement.setTimestamp(14, now);
			});
		}
		return rows;
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		return b == null || a.isAfter(b) ? a : b;
	}

	/**
	 * An id and a day in one long: the day in the low 20 bits, counted from the first
	 * accepted date (1900 to about 4770). Counted from 1970, as it was, a day before 1970
	 * was negative and covered the id: every block shared one key per day, and sessions
	 * of a second block were never made.
	 */
	private static long key(long id, LocalDate date) {
		return id << 20 | (date.toEpochDay() - FIRST_DAY);
	}

}
