package org.iopscheduler.calendar;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
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

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the dated sessions of programs' blocks for a range of days, each (block, date) once.
 * Sessions are made on first need (a week is looked at, marked or reported) and then kept, so
 * their ids are stable. Two instances making the same week at once meet on the unique key
 * (block_id, session_date); the loser reads what the winner made.
 */
@Component
public class SessionMaker {

	private static final String INSERT = """
			insert into dated_session (program_id, block_id, session_date, start_time, duration_minutes, type, title,
			  counselor_id, location_kind, location, status, cancel_reason, closure_id, created_at, version)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""";

	private final WeeklyBlockRepository blocks;

	private final DatedSessionRepository sessions;

	private final ClosureRepository closures;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	SessionMaker(WeeklyBlockRepository blocks, DatedSessionRepository sessions, ClosureRepository closures,
			JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.blocks = blocks;
		this.sessions = sessions;
		this.closures = closures;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Makes what is missing between the two dates (inclusive); answers how many were made. */
	public int ensure(Collection<Long> programIds, LocalDate from, LocalDate to) {
		if (programIds.isEmpty()) {
			return 0;
		}
		try {
			return ownTransaction.execute(status -> insertMissing(programIds, from, to));
		}
		catch (DataIntegrityViolationException raced) {
			// another request made some of them first; what is still missing is made now
			return ownTransaction.execute(status -> insertMissing(programIds, from, to));
		}
	}

	public int ensure(long programId, LocalDate from, LocalDate to) {
		return ensure(List.of(programId), from, to);
	}

	private int insertMissing(Collection<Long> programIds, LocalDate from, LocalDate to) {
		Set<String> existing = new HashSet<>();
		for (Object[] row : sessions.findBlockDates(programIds, from, to)) {
			existing.add(key((Long) row[1], (LocalDate) row[2]));
		}
		Map<String, Closure> closed = new HashMap<>();
		for (Closure closure : closures.findByProgramIdInAndDateBetween(programIds, from, to)) {
			closed.put(key(closure.getProgramId(), closure.getDate()), closure);
		}
		Timestamp now = Timestamp.from(clock.instant());
		List<Object[]> rows = new ArrayList<>();
		for (WeeklyBlock block : blocks.findByProgramsWithVersions(programIds)) {
			for (BlockVersion version : block.getVersions()) {
				LocalDate first = latest(from, version.getValidFrom());
				LocalDate last = version.getValidTo() == null || version.getValidTo().isAfter(to) ? to
						: version.getValidTo().minusDays(1);
				for (LocalDate date = first.with(TemporalAdjusters.nextOrSame(version.getDayOfWeek()));
						!date.isAfter(last); date = date.plusWeeks(1)) {
					if (existing.contains(key(block.getId(), date))) {
						continue;
					}
					Closure closure = closed.get(key(block.getProgramId(), date));
					rows.add(new Object[] { block.getProgramId(), block.getId(), Date.valueOf(date),
							Time.valueOf(version.getStartTime()), version.getDurationMinutes(), block.getType().name(),
							block.getTitle(), version.getCounselorId(), version.getLocationKind().name(),
							version.getLocation(), closure == null ? "SCHEDULED" : "CANCELLED",
							closure == null ? null : closure.sessionReason(), closure == null ? null : closure.getId(),
							now });
				}
			}
		}
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(INSERT, rows);
		}
		return rows.size();
	}

	private static LocalDate latest(LocalDate a, LocalDate b) {
		return b == null || a.isAfter(b) ? a : b;
	}

	private static String key(long id, LocalDate date) {
		return id + "@" + date;
	}

}
