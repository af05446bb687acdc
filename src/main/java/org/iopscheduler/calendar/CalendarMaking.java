package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;

import org.iopscheduler.system.AcceptedDates;
import org.iopscheduler.system.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Makes every program's dated sessions for a range of days ahead of need (a coordinator
 * prepares the year), so no later request pays for them. Programs go a few at a time,
 * each group in a transaction of its own: none grows to a year of 200 programs, and what
 * is made stays made if a later group fails. On PostgreSQL two groups are made at once
 * (iop.calendar.making-threads, 0 = this choice): the server's work on one connection
 * (indexes, keys) then overlaps the service's on the other. On H2, inside the service's
 * process, two writers only contend for the same store, so one at a time. A failing group
 * never cuts another short (see {@link #everyGroup}).
 */
@Service
public class CalendarMaking {

	public static final int MAXIMUM_DAYS = 400;

	/**
	 * Programs per transaction: 25 programs of 15 weekly blocks make about 20,000
	 * sessions a year.
	 */
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
		return jdbc
			.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
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
		List<List<Long>> groups = new ArrayList<>();
		for (int i = 0; i < programs.size(); i += PROGRAMS_AT_ONCE) {
			groups.add(programs.subList(i, Math.min(programs.size(), i + PROGRAMS_AT_ONCE)));
		}
		return new Made(programs.size(), everyGroup(groups, threads, group -> maker.ensure(group, from, to)));
	}

	/**
	 * Makes the groups on that many workers and answers how many sessions they made, once
	 * every group has finished. After a failure no further group starts (a second call
	 * makes what is missing); groups already running finish, and then the first failure,
	 * in group order, is reported. A worker is never interrupted: H2 closes its database
	 * file when a thread is interrupted in the middle of I/O, and every later request
	 * then failed.
	 */
	static int everyGroup(List<List<Long>> groups, int threads, ToIntFunction<List<Long>> make) {
		ExecutorService workers = Executors.newFixedThreadPool(threads);
		AtomicBoolean failed = new AtomicBoolean();
		try {
			List<Future<Integer>> running = new ArrayList<>();
			for (List<Long> group : groups) {
				running.add(workers.submit(() -> {
					if (failed.get()) {
						return 0;
					}
					try {
						return make.applyAsInt(group);
					}
					catch (RuntimeException | Error failure) {
						failed.set(true);
						throw failure;
					}
				}));
			}
			int made = 0;
			RuntimeException first = null;
			for (Future<Integer> group : running) {
				try {
					made += finished(group);
				}
				catch (RuntimeException failure) {
					if (first == null) {
						first = failure;
					}
					else if (failure != first) {
						first.addSuppressed(failure);
					}
				}
			}
			if (first != null) {
				throw first;
			}
			return made;
		}
		finally {
			// every group has finished: shutdown only lets the idle threads go
			workers.shutdown();
		}
	}

	/**
	 * Waits for the group through any interrupt of the caller (kept for later), never
	 * passing one on.
	 */
	private static int finished(Future<Integer> group) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return group.get();
				}
				catch (InterruptedException e) {
					interrupted = true;
				}
			}
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(e.getCause());
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
