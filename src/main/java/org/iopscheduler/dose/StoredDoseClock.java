package org.iopscheduler.dose;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.iopscheduler.calendar.IsoWeek;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.iopscheduler.system.Periodic;
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
 * Keeps the stored weeks ahead of the clock: every {@code iop.dose.clock-period} (a
 * minute; 0 = never), the rows whose next session has started since they were counted are
 * counted again, so a report in a live week reads them as they are instead of counting
 * them on every read. Reads stay exact without it (they count a passed row themselves);
 * this only saves them the work.
 * <p>
 * A batch is one week of up to {@value #BATCH} enrollments, counted again by
 * {@link StoredDoses#recountWeek} under the enrollments' row locks (taken in id order, as
 * every write path does), in a transaction of its own.
 */
@Component
@EnableScheduling
class StoredDoseClock implements SchedulingConfigurer {

	static final String PERIOD = "iop.dose.clock-period";

	static final int BATCH = 200;

	/** A round ends here even if rows remain: the next round goes on. */
	private static final int MOST_BATCHES = 500;

	private static final Logger log = LoggerFactory.getLogger(StoredDoseClock.class);

	private final StoredDoses stored;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Periodic period;

	StoredDoseClock(StoredDoses stored, DataSource dataSource, PlatformTransactionManager transactions, Clock clock,
			Environment settings) {
		this.stored = stored;
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.period = new Periodic(settings, PERIOD, Duration.ofMinutes(1), Duration.ofMinutes(1));
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
			advance();
		}
		catch (DataAccessException unavailable) {
			// reads stay exact meanwhile; the next turn tries again
			log.warn("stored weekly dose not advanced: {}", unavailable.getMessage());
		}
	}

	/**
	 * Counts again, batch after batch, every stored row whose next session has started by
	 * now; answers how many rows it counted again.
	 */
	int advance() {
		Instant now = clock.instant();
		int advanced = 0;
		for (int i = 0; i < MOST_BATCHES; i++) {
			Integer counted = transactions.execute(status -> advanceOneBatch(now));
			if (counted == 0) {
				break;
			}
			advanced += counted;
		}
		return advanced;
	}

	/** The earliest week with passed rows: up to a batch of its enrollments. */
	private int advanceOneBatch(Instant now) {
		List<Passed> passed = passed(now);
		if (passed.isEmpty()) {
			return 0;
		}
		IsoWeek week = passed.get(0).week();
		List<Long> ids = new ArrayList<>();
		for (Passed row : passed) {
			if (row.week().equals(week)) {
				ids.add(row.enrollmentId());
			}
		}
		stored.recountWeek(ids, week, now);
		return ids.size();
	}

	private record Passed(long enrollmentId, IsoWeek week) {
	}

	/**
	 * Rows whose next start is at or before the local now of their program's zone: one
	 * range of the next-start index (to the latest local now of all zones), each zone's
	 * own bound checked on it.
	 */
	private List<Passed> passed(Instant now) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder byZone = new StringBuilder();
		LocalDateTime latest = null;
		int i = 0;
		for (String zone : new TreeSet<>(stored.zones())) {
			LocalDateTime until = DoseFacts.startedUntil(now, ZoneId.of(zone));
			latest = latest == null || until.isAfter(latest) ? until : latest;
			params.addValue("zone" + i, zone);
			params.addValue("until" + i, until);
			byZone.append(i == 0 ? "" : " or ")
				.append("(p.time_zone = :zone")
				.append(i)
				.append(" and w.next_start <= :until")
				.append(i)
				.append(')');
			i++;
		}
		if (latest == null) {
			return List.of();
		}
		params.addValue("latest", latest);
		return jdbc.query(
				"select w.enrollment_id, w.week_monday from weekly_dose w join program p on p.id = w.program_id"
						+ " where w.next_start <= :latest and (" + byZone + ") order by w.week_monday, w.enrollment_id"
						+ " fetch first " + BATCH + " rows only",
				params, (rs, n) -> new Passed(rs.getLong("enrollment_id"),
						IsoWeek.of(rs.getObject("week_monday", LocalDate.class))));
	}

}
