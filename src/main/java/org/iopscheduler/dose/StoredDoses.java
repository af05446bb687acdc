package org.iopscheduler.dose;

import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.iopscheduler.calendar.DoseInputsChanged;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.dose.DoseFacts.Day;
import org.iopscheduler.dose.DoseFacts.EnrollmentWeeks;
import org.iopscheduler.dose.DoseFacts.Which;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.dose.WeeklyDose.Totals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stored weekly dose (table {@code weekly_dose}, V11): one row per enrollment and ISO
 * week with sessions, holding the week's {@link Totals} as counted at an instant.
 * <p>
 * The one maintenance rule: whatever changes what a dose is counted from publishes
 * {@link DoseInputsChanged} inside its transaction, and the rows it touches are counted
 * again here, from the raw tables, in that same transaction (listened to synchronously,
 * not after commit). Nothing is added up incrementally, so nothing can drift. The
 * enrollments' rows are locked first: two transactions changing one participant's week
 * queue, and the second counts after the first committed.
 * <p>
 * The clock changes two of the numbers (unmarked sessions, minutes still to come) each
 * time a session starts. A row keeps the local wall time of the latest session start it
 * counted as started and of the next one it did not: while the program's local now lies
 * between the two, the row is exact; outside them it is counted again when read.
 */
@Component
public class StoredDoses {

	private static final String INSERT = """
			insert into weekly_dose (enrollment_id, week_monday, program_id, participant_id, scheduled_minutes,
			  attended_minutes, unmarked_sessions, still_to_come, days_attended, days_of_three_hours, last_started,
			  next_start)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final DoseFacts facts;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final EntityManager entityManager;

	@Autowired
	StoredDoses(DoseFacts facts, DataSource dataSource, Clock clock, EntityManager entityManager) {
		this.facts = facts;
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.clock = clock;
		this.entityManager = entityManager;
	}

	private StoredDoses(DataSource dataSource) {
		this(new DoseFacts(dataSource), dataSource, Clock.systemUTC(), null);
	}

	/**
	 * Counts every stored week again from the raw tables, outside the service (a
	 * migration, a data load that wrote raw rows).
	 */
	public static void recountAll(DataSource dataSource, Instant now) {
		new StoredDoses(dataSource).recount(DoseInputsChanged.everything(), now);
	}

	/** In the changing transaction: the rows it touched, counted again. */
	@EventListener
	void on(DoseInputsChanged change) {
		if (entityManager != null && TransactionSynchronizationManager.isActualTransactionActive()) {
			// the changes still held by JPA reach the tables before they are counted
			entityManager.flush();
		}
		recount(change, clock.instant());
	}

	/**
	 * The stored weeks of every enrollment concerned, in the change's days, counted
	 * again.
	 */
	void recount(DoseInputsChanged change, Instant now) {
		boolean everything = change.programIds() == null && change.participantIds() == null
				&& change.enrollmentId() == null;
		recount(everything ? null
				: new Which(change.programIds(), null, change.participantIds(),
						change.enrollmentId() == null ? null : List.of(change.enrollmentId())),
				change.from(), change.to(), now);
	}

	/** One week of these enrollments counted again: the clock passed their rows. */
	void recountWeek(Collection<Long> enrollmentIds, IsoWeek week, Instant now) {
		recount(new Which(null, null, null, enrollmentIds), week.monday(), week.sunday(), now);
	}

	/** The enrollments (null: all) counted again in the weeks of [fromDay, toDay]. */
	private void recount(Which which, LocalDate fromDay, LocalDate toDay, Instant now) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<Long> ids = null;
		if (which != null) {
			// enrollments are the last rows any write locks, in id order (the one lock
			// order: Enrollments.holdInLockOrder), so no two writes wait in a circle
			ids = ConcernedEnrollments.lock(jdbc, "1 = 1" + which.on("e", "id", params), params, fromDay, toDay);
			if (ids.isEmpty()) {
				return;
			}
			params.addValue("ids", ids);
		}
		String ofThem = ids == null ? "1 = 1" : "enrollment_id in (:ids)";
		StringBuilder delete = new StringBuilder("delete from weekly_dose where ").append(ofThem);
		if (fromDay != null) {
			delete.append(" and week_monday >= :fromMonday");
			params.addValue("fromMonday", IsoWeek.of(fromDay).monday());
		}
		if (toDay != null) {
			delete.append(" and week_monday <= :toMonday");
			params.addValue("toMonday", IsoWeek.of(toDay).monday());
		}
		jdbc.update(delete.toString(), params);
		// a change of bounded days needs no bounds from the sessions (a full scan of the
		// programs' sessions, slow on H2 with many ids): weeks without sessions count
		// nothing
		LocalDate[] made = fromDay != null && toDay != null ? new LocalDate[] { fromDay, toDay }
				: sessionDays(ids, params);
		if (made[0] == null) {
			return;
		}
		// whole weeks: a change on a day without sessions still changes its week
		IsoWeek from = latest(fromDay == null ? null : IsoWeek.of(fromDay), IsoWeek.of(made[0]));
		IsoWeek to = earliest(toDay == null ? null : IsoWeek.of(toDay), IsoWeek.of(made[1]));
		if (from.compareTo(to) > 0) {
			return;
		}
		List<Object[]> rows = count(ids, from, to, now).values().stream().map(Week::row).toList();
		jdbc.getJdbcTemplate().batchUpdate(INSERT, rows, 1_000, (statement, row) -> {
			for (int i = 0; i < row.length; i++) {
				if (row[i] == null) {
					statement.setNull(i + 1, Types.TIMESTAMP);
				}
				else {
					// local dates and wall times as they are: no JVM zone in between
					statement.setObject(i + 1, row[i]);
				}
			}
		});
	}

	/** The first and last day with a session made in the enrollments' programs. */
	private LocalDate[] sessionDays(List<Long> ids, MapSqlParameterSource params) {
		String sql = "select min(s.session_date) as first_day, max(s.session_date) as last_day from dated_session s"
				+ (ids == null ? ""
						: " where s.program_id in (select e.program_id from enrollment e where e.id in (:ids))");
		return jdbc.queryForObject(sql, params, (rs, n) -> new LocalDate[] { rs.getObject("first_day", LocalDate.class),
				rs.getObject("last_day", LocalDate.class) });
	}

	/** The weeks of the enrollments (null: all), counted from the raw tables at now. */
	private Map<Key, Week> count(Collection<Long> ids, IsoWeek from, IsoWeek to, Instant now) {
		Map<Key, Week> weeks = new LinkedHashMap<>();
		DoseFacts.Scope scope = DoseFacts.Scope.enrollments(null, ids, null, from, to, zones());
		facts.forEachDay(scope, now,
				day -> weeks.computeIfAbsent(new Key(day.enrollmentId(), day.week()), key -> new Week(key, day))
					.add(day));
		return weeks;
	}

	/**
	 * The zones programs are in (the clock and the recounts bound "started" per zone).
	 */
	List<String> zones() {
		return jdbc.getJdbcTemplate().queryForList("select distinct time_zone from program", String.class);
	}

	record Key(long enrollmentId, IsoWeek week) {
	}

	/** One enrollment's week, added up from its days. */
	private static final class Week {

		private final Key key;

		private final long programId;

		private final long participantId;

		private int scheduled;

		private int attended;

		private int unmarked;

		private int stillToCome;

		private int days;

		private int longDays;

		private LocalDateTime lastStarted;

		private LocalDateTime nextStart;

		Week(Key key, Day first) {
			this.key = key;
			this.programId = first.programId();
			this.participantId = first.participantId();
		}

		void add(Day day) {
			scheduled += day.scheduledMinutes();
			attended += day.attendedMinutes();
			unmarked += day.unmarkedSessions();
			stillToCome += day.stillToCome();
			days += day.attendedMinutes() > 0 ? 1 : 0;
			longDays += day.attendedMinutes() >= WeeklyDose.THREE_HOURS ? 1 : 0;
			if (day.lastStarted() != null) {
				LocalDateTime started = day.date().atTime(day.lastStarted());
				lastStarted = lastStarted == null || started.isAfter(lastStarted) ? started : lastStarted;
			}
			if (day.nextStart() != null) {
				LocalDateTime next = day.date().atTime(day.nextStart());
				nextStart = nextStart == null || next.isBefore(nextStart) ? next : nextStart;
			}
		}

		Totals totals() {
			return new Totals(scheduled, attended, unmarked, stillToCome, days, longDays);
		}

		Object[] row() {
			return new Object[] { key.enrollmentId(), key.week().monday(), programId, participantId, scheduled,
					attended, unmarked, stillToCome, days, longDays, lastStarted, nextStart };
		}

	}

	/**
	 * A stored row: its totals, and the span of local time in which its clock-dependent
	 * numbers hold.
	 */
	record Stored(long enrollmentId, IsoWeek week, String timeZone, Totals totals, LocalDateTime lastStarted,
			LocalDateTime nextStart) {

		/**
		 * Whether exactly the sessions the row counted as started have started by now.
		 */
		boolean currentAt(Instant now) {
			LocalDateTime until = DoseFacts.startedUntil(now, ZoneId.of(timeZone));
			return (lastStarted == null || !lastStarted.isAfter(until))
					&& (nextStart == null || nextStart.isAfter(until));
		}

		static Stored of(ResultSet rs) throws java.sql.SQLException {
			return new Stored(rs.getLong("enrollment_id"), IsoWeek.of(rs.getObject("week_monday", LocalDate.class)),
					rs.getString("time_zone"),
					new Totals(rs.getInt("scheduled_minutes"), rs.getInt("attended_minutes"),
							rs.getInt("unmarked_sessions"), rs.getInt("still_to_come"), rs.getInt("days_attended"),
							rs.getInt("days_of_three_hours")),
					rs.getObject("last_started", LocalDateTime.class), rs.getObject("next_start", LocalDateTime.class));
		}

	}

	/** What the verification found. */
	public record Verification(int enrollmentWeeks, int countedAgainOnRead, List<String> differences) {

		public boolean exact() {
			return differences.isEmpty();
		}

		public String summary() {
			return "dose verified: " + enrollmentWeeks + " enrollment-weeks, " + differences.size() + " differences"
					+ (countedAgainOnRead > 0
							? " (" + countedAgainOnRead + " waiting for the clock, counted on reading)" : "");
		}

	}

	/**
	 * What {@link DoseFacts#forEach} answers, in its order, read from the stored weeks:
	 * one row per enrollment and week. Rows the clock has moved past since they were
	 * counted (a session started since) are counted again from the raw tables, in one
	 * more statement only when there are any; nothing is written.
	 */
	public void forEach(DoseFacts.Scope scope, Instant now, Consumer<EnrollmentWeeks> each) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		params.addValue("firstMonday", scope.firstWeek().monday());
		params.addValue("lastMonday", scope.lastWeek().monday());
		String sql = "select e.id as enrollment_id, e.program_id, e.participant_id, e.start_date, e.end_date,"
				+ " e.discharge_date, p.time_zone, p.minimum_weekly_minutes, w.week_monday, w.scheduled_minutes,"
				+ " w.attended_minutes, w.unmarked_sessions, w.still_to_come, w.days_attended, w.days_of_three_hours,"
				+ " w.last_started, w.next_start from enrollment e join program p on p.id = e.program_id"
				+ " left join weekly_dose w on w.enrollment_id = e.id"
				+ " and w.week_monday between :firstMonday and :lastMonday where " + DoseFacts.enrolled(scope, params)
				+ (scope.byParticipant() ? " order by e.program_id, e.participant_id, e.id, w.week_monday"
						: " order by e.id, w.week_monday");
		List<EnrollmentWeeks> found = new ArrayList<>();
		Set<Long> passed = new HashSet<>();
		jdbc.query(sql, params, (ResultSet rs) -> {
			long id = rs.getLong("enrollment_id");
			EnrollmentWeeks current = found.isEmpty() ? null : found.get(found.size() - 1);
			if (current == null || current.enrollmentId() != id) {
				current = new EnrollmentWeeks(id, rs.getLong("program_id"), rs.getLong("participant_id"),
						rs.getObject("start_date", LocalDate.class),
						Enrollment.lastDay(rs.getObject("end_date", LocalDate.class),
								rs.getObject("discharge_date", LocalDate.class)),
						rs.getString("time_zone"), rs.getInt("minimum_weekly_minutes"), new HashMap<>());
				found.add(current);
			}
			if (rs.getObject("week_monday", LocalDate.class) != null) {
				Stored row = Stored.of(rs);
				current.totals().put(row.week(), row.totals());
				if (!row.currentAt(now)) {
					passed.add(id);
				}
			}
		});
		if (!passed.isEmpty()) {
			Map<Long, EnrollmentWeeks> recounted = new HashMap<>();
			facts.forEach(
					new DoseFacts.Scope(null, null, scope.firstWeek(), scope.lastWeek(), scope.enrolledFrom(),
							scope.enrolledTo(), scope.zones(), false, passed, null),
					now, weeks -> recounted.put(weeks.enrollmentId(), weeks));
			for (int i = 0; i < found.size(); i++) {
				EnrollmentWeeks again = recounted.get(found.get(i).enrollmentId());
				if (again != null) {
					found.set(i, again);
				}
			}
		}
		found.forEach(each);
	}

	/**
	 * Every enrollment-week counted again by the reports' own statement
	 * ({@link DoseFacts}) and compared with the stored row: a missing row, a row too
	 * many, or any number different is a difference. A row the clock has moved past (a
	 * session started since it was counted) is compared on what the clock cannot change,
	 * since reading it counts it again.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Verification verify(Instant now) {
		List<String> differences = new ArrayList<>();
		int[] counted = { 0, 0 };
		List<String> zones = zones();
		// a program at a time: one statement over every program's history is slow on H2
		for (long programId : jdbc.getJdbcTemplate().queryForList("select id from program order by id", Long.class)) {
			verify(programId, zones, now, counted, differences);
		}
		return new Verification(counted[0], counted[1], differences);
	}

	private void verify(long programId, List<String> zones, Instant now, int[] counted, List<String> differences) {
		MapSqlParameterSource params = new MapSqlParameterSource("programId", programId);
		Map<Key, Stored> stored = new LinkedHashMap<>();
		jdbc.query("select w.*, p.time_zone from weekly_dose w join program p on p.id = w.program_id"
				+ " where w.program_id = :programId", params, (ResultSet rs) -> {
					Stored row = Stored.of(rs);
					stored.put(new Key(row.enrollmentId(), row.week()), row);
				});
		LocalDate[] made = jdbc.queryForObject(
				"select min(session_date) as first_day, max(session_date) as last_day from dated_session"
						+ " where program_id = :programId",
				params, (rs, n) -> new LocalDate[] { rs.getObject("first_day", LocalDate.class),
						rs.getObject("last_day", LocalDate.class) });
		if (made[0] != null) {
			IsoWeek first = IsoWeek.of(made[0]);
			IsoWeek last = IsoWeek.of(made[1]);
			facts.forEach(new DoseFacts.Scope(List.of(programId), null, first, last, first, last, zones, false), now,
					each -> {
						for (Map.Entry<IsoWeek, Totals> week : each.totals().entrySet()) {
							counted[0]++;
							Key key = new Key(each.enrollmentId(), week.getKey());
							Stored row = stored.remove(key);
							Totals recount = week.getValue();
							if (row == null) {
								differences.add(key + ": no stored row, counted " + recount);
							}
							else if (row.currentAt(now) ? !row.totals().equals(recount)
									: !clockFree(row.totals(), recount)) {
								differences.add(key + ": stored " + row.totals() + ", counted " + recount);
							}
							else if (!row.currentAt(now)) {
								counted[1]++;
							}
						}
					});
		}
		stored.forEach((key, row) -> differences.add(key + ": stored " + row.totals() + ", counted nothing"));
	}

	private static boolean clockFree(Totals a, Totals b) {
		return a.scheduledMinutes() == b.scheduledMinutes() && a.attendedMinutes() == b.attendedMinutes()
				&& a.daysAttended() == b.daysAttended() && a.daysOfThreeHours() == b.daysOfThreeHours();
	}

	private static IsoWeek latest(IsoWeek a, IsoWeek b) {
		return a == null || b.compareTo(a) > 0 ? b : a;
	}

	private static IsoWeek earliest(IsoWeek a, IsoWeek b) {
		return a == null || b.compareTo(a) < 0 ? b : a;
	}

}
