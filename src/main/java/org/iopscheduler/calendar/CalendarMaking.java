package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.iopscheduler.system.AcceptedDates;
import org.iopscheduler.system.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Makes every program's dated sessions for a range of days ahead of need (a coordinator prepares the
 * year), so no later request pays for them. Programs go a few at a time, each group in a transaction
 * of its own: none grows to a year of 200 programs, and what is made stays made if a later group fails.
 * On PostgreSQL two groups are made at once (iop.calendar.making-threads, 0 = this choice): the
 * server's work on one connection (indexes, keys) then overlaps the service's on the other. On H2,
 * inside the service's process, two writers only contend for the same store, so one at a time.
 */
@Service
public class CalendarMaking {

	public static final int MAXIMUM_DAYS = 400;

	/** Programs per transaction: 25 programs of 15 weekly blocks make about 20,000 sessions a year. */
	static final int PROGRAMS_AT_ONCE = 25;

	private final SessionMaker maker;

	private final JdbcTemplate jdbc;

	private final int threads;

	CalendarMaking(SessionMaker maker, JdbcTemplate jdbc, @Value("${iop.calendar.making-threads:0}") int threads) {
		this.maker = maker;
		this.jdbc = jdbc;
		this.threads = threads > 0 ? threads : "H2".equals(databaseProduct(jdbc)) ? 1 : 2;
	}

	private static String databaseProduct(JdbcTemplate jdbc) {
		return jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData()
			.getDatabaseProductName());
	}

	public record Made(int programs, int sessionsMade) {
	}

	public Made make(LocalDate from, LocalDate to) {
		AcceptedDates.check("from", from);
		AcceptedDates.check("to", to);
		if (to.isBefore(from)) {
			throw new InvalidInput("to: " + to + " is before from " + from);
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAXIMUM_DAYS) {
			throw new InvalidInput("to: at most " + MAXIMUM_DAYS + " days from " + from + " in one call, got "
					+ (ChronoUnit.DAYS.between(from, to) + 1));
		}
		// every program, as ids only: no entities for a whole table
		List<Long> programs = jdbc.queryForList("select id from program order by id", Long.class);
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> groups = new ArrayList<>();
			for (int i = 0; i < programs.size(); i += PROGRAMS_AT_ONCE) {
				List<Long> group = programs.subList(i, Math.min(programs.size(), i + PROGRAMS_AT_ONCE));
				groups.add(workers.submit(() -> maker.ensure(group, from, to)));
			}
			int made = 0;
			for (Future<Integer> group : groups) {
				made += done(group);
			}
			return new Made(programs.size(), made);
		}
		finally {
			workers.shutdownNow();
		}
	}

	private static int done(Future<Integer> group) {
		try {
			return group.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while making sessions", e);
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

}
