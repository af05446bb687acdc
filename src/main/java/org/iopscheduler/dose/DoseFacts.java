package org.iopscheduler.dose;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.dose.WeeklyDose.Totals;
import org.iopscheduler.enrollment.Enrollment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The numbers a weekly dose needs, added up by the database: one statement returns, per
 * enrollment and week, its scheduled, attended and unmarked sessions, the minutes still
 * to come and the days attended. Java then applies {@link WeeklyDose}'s rules to each
 * row. Reports cost one statement and read one row per enrollment and week, whatever the
 * number of sessions and marks.
 * <p>
 * An enrollment's sessions are the rows of the {@code expected_attendance} view (V8), the
 * SQL twin of {@code Enrollment.expects}: block sessions whose block is in its plan on
 * that date, and make-ups naming the participant in the same program, only on dates the
 * enrollment covers (start to its last day); cancelled ones count nothing. "Started" is
 * decided in each program's zone: the zone's local date and time of now are parameters,
 * so no vendor date function is needed.
 */
@Component
public class DoseFacts {

	/** Which enrollments, which weeks of facts, for which program zones. */
	public record Scope(Collection<Long> programIds, Long participantId, IsoWeek firstWeek, IsoWeek lastWeek,
			IsoWeek enrolledFrom, IsoWeek enrolledTo, Collection<String> zones, boolean byParticipant,
			Collection<Long> enrollmentIds, Collection<Long> participantIds) {

		public Scope(Collection<Long> programIds, Long participantId, IsoWeek firstWeek, IsoWeek lastWeek,
				IsoWeek enrolledFrom, IsoWeek enrolledTo, Collection<String> zones, boolean byParticipant) {
			this(programIds, participantId, firstWeek, lastWeek, enrolledFrom, enrolledTo, zones, byParticipant, null,
					null);
		}

		/**
		 * Some enrollments (null: all) of some programs (null: all), only these
		 * participants (null: all), with their facts of [from, to].
		 */
		static Scope enrollments(Collection<Long> programIds, Collection<Long> enrollmentIds,
				Collection<Long> participantIds, IsoWeek from, IsoWeek to, Collection<String> zones) {
			return new Scope(programIds, null, from, to, from, to, zones, false, enrollmentIds, participantIds);
		}

		/**
		 * The programs' enrollments during {@code week}, with facts from {@code first} to
		 * {@code week}.
		 */
		public static Scope programs(Collection<Long> programIds, IsoWeek first, IsoWeek week, Collection<String> zones,
				boolean byParticipant) {
			return new Scope(programIds, null, first, week, week, week, zones, byParticipant);
		}

		/**
		 * A participant's enrollments during [from, to], with their facts of those weeks.
		 */
		public static Scope participant(long participantId, IsoWeek from, IsoWeek to, Collection<String> zones) {
			return new Scope(null, participantId, from, to, from, to, zones, false);
		}

		List<IsoWeek> weeks() {
			return IsoWeek.between(firstWeek, lastWeek);
		}

	}

	/** One enrollment with its totals per week (weeks without sessions have none). */
	public record EnrollmentWeeks(long enrollmentId, long programId, long participantId, LocalDate startDate,
			LocalDate lastDay, String timeZone, int minimumWeeklyMinutes, Map<IsoWeek, Totals> totals) {

		public WeeklyDose dose(IsoWeek week, Instant now) {
			return WeeklyDose.of(week, ZoneId.of(timeZone), minimumWeeklyMinutes, startDate, lastDay,
					totals.getOrDefault(week, Totals.NONE), now);
		}

		public boolean overlaps(IsoWeek week) {
			return !startDate.isAfter(week.sunday()) && (lastDay == null || !lastDay.isBefore(week.monday()));
		}

	}

	private final NamedParameterJdbcTemplate jdbc;

	DoseFacts(DataSource dataSource) {
		JdbcTemplate streaming = new JdbcTemplate(dataSource);
		// PostgreSQL then sends rows in chunks (inside a transaction) instead of all at
		// once
		streaming.setFetchSize(1000);
		this.jdbc = new NamedParameterJdbcTemplate(streaming);
	}

	/** Every enrollment in scope, one after another, in the scope's order. */
	public void forEach(Scope scope, Instant now, Consumer<EnrollmentWeeks> each) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		Rows rows = new Rows(scope.weeks(), each);
		jdbc.query(sql(scope, now, params), params, rows);
		rows.finish();
	}

	/**
	 * Rows come ordered by enrollment: an enrollment is complete when the next one
	 * begins.
	 */
	private static final class Rows implements RowCallbackHandler {

		private final List<IsoWeek> weeks;

		private final Consumer<EnrollmentWeeks> each;

		private EnrollmentWeeks current;

		Rows(List<IsoWeek> weeks, Consumer<EnrollmentWeeks> each) {
			this.weeks = weeks;
			this.each = each;
		}

		@Override
		public void processRow(ResultSet rs) throws SQLException {
			long id = rs.getLong("enrollment_id");
			if (current == null || current.enrollmentId() != id) {
				finish();
				current = new EnrollmentWeeks(id, rs.getLong("program_id"), rs.getLong("participant_id"),
						rs.getObject("start_date", LocalDate.class), lastDay(rs), rs.getString("time_zone"),
						rs.getInt("minimum_weekly_minutes"), new HashMap<>());
			}
			int index = rs.getInt("week_index");
			if (!rs.wasNull()) {
				current.totals()
					.put(weeks.get(index),
							new Totals(rs.getInt("scheduled_minutes"), rs.getInt("attended_minutes"),
									rs.getInt("unmarked_sessions"), rs.getInt("still_to_come"),
									rs.getInt("days_attended"), rs.getInt("days_of_three_hours")));
			}
		}

		void finish() {
			if (current != null) {
				each.accept(current);
				current = null;
			}
		}

	}

	private static LocalDate lastDay(ResultSet rs) throws SQLException {
		return Enrollment.lastDay(rs.getObject("end_date", LocalDate.class),
				rs.getObject("discharge_date", LocalDate.class));
	}

	String sql(Scope scope, Instant now, MapSqlParameterSource params) {
		// the dose rule's threshold, from the rule itself
		params.addValue("threeHours", WeeklyDose.THREE_HOURS);
		String enrolled = enrolled(scope, params);
		String byDay = byDay(scope, now, params, false);
		String byWeek = "select d.enrollment_id, d.week_index, sum(d.scheduled_minutes) as scheduled_minutes,"
				+ " sum(d.attended_minutes) as attended_minutes, sum(d.unmarked_sessions) as unmarked_sessions,"
				+ " sum(d.still_to_come) as still_to_come,"
				+ " sum(case when d.attended_minutes > 0 then 1 else 0 end) as days_attended,"
				+ " sum(case when d.attended_minutes >= :threeHours then 1 else 0 end)"
				+ " as days_of_three_hours from (" + byDay + ") d group by d.enrollment_id, d.week_index";
		return "select e.id as enrollment_id, e.program_id, e.participant_id, e.start_date, e.end_date,"
				+ " e.discharge_date, p.time_zone, p.minimum_weekly_minutes, w.week_index, w.scheduled_minutes,"
				+ " w.attended_minutes, w.unmarked_sessions, w.still_to_come, w.days_attended, w.days_of_three_hours"
				+ " from enrollment e join program p on p.id = e.program_id" + " left join (" + byWeek
				+ ") w on w.enrollment_id = e.id" + " where " + enrolled
				+ (scope.byParticipant() ? " order by e.program_id, e.participant_id, e.id, w.week_index"
						: " order by e.id, w.week_index");
	}

	/** The scope's enrollments, as a condition on {@code enrollment e}. */
	static String enrolled(Scope scope, MapSqlParameterSource params) {
		params.addValue("enrolledFrom", scope.enrolledFrom().monday());
		params.addValue("enrolledTo", scope.enrolledTo().sunday());
		return "e.start_date <= :enrolledTo and (e.end_date is null or e.end_date >= :enrolledFrom)"
				+ " and (e.discharge_date is null or e.discharge_date >= :enrolledFrom)"
				+ Which.of(scope).on("e", "id", params);
	}

	/**
	 * Which enrollments (null: no limit), the one place that writes them as SQL: on
	 * {@code enrollment} rows, on the view's rows, and for the stored weeks' locks.
	 */
	record Which(Collection<Long> programIds, Long participantId, Collection<Long> participantIds,
			Collection<Long> enrollmentIds) {

		static Which of(Scope scope) {
			return new Which(scope.programIds(), scope.participantId(), scope.participantIds(), scope.enrollmentIds());
		}

		/**
		 * " and ..." conditions on the columns of {@code alias} (its enrollment id column
		 * named {@code enrollmentId}), their values added to {@code params}.
		 */
		String on(String alias, String enrollmentId, MapSqlParameterSource params) {
			StringBuilder where = new StringBuilder();
			if (programIds != null) {
				where.append(" and ").append(alias).append(".program_id in (:programIds)");
				params.addValue("programIds", programIds);
			}
			if (participantId != null) {
				where.append(" and ").append(alias).append(".participant_id = :participantId");
				params.addValue("participantId", participantId);
			}
			if (participantIds != null) {
				where.append(" and ").append(alias).append(".participant_id in (:participantIds)");
				params.addValue("participantIds", participantIds);
			}
			if (enrollmentIds != null) {
				where.append(" and ").append(alias).append('.').append(enrollmentId).append(" in (:enrollmentIds)");
				params.addValue("enrollmentIds", enrollmentIds);
			}
			return where.toString();
		}

	}

	/**
	 * Per enrollment, week and day: the day's sums; with {@code times} also the last
	 * started and the next start of the day's sessions (local times), which tell when the
	 * clock changes the day's numbers.
	 */
	private String byDay(Scope scope, Instant now, MapSqlParameterSource params, boolean times) {
		List<IsoWeek> weeks = scope.weeks();
		params.addValue("factsFrom", scope.firstWeek().monday());
		params.addValue("factsTo", scope.lastWeek().sunday());
		// who is expected where is the view's rule (V8, Enrollment.expects); the scope
		// filters on the view's own columns so both databases push it into each branch,
		// and the view carries the session's time and length so nothing joins back
		String expected = "s.session_date between :factsFrom and :factsTo"
				+ Which.of(scope).on("s", "enrollment_id", params);
		// a step of its own (offset 0 rows): merged into the sums, PostgreSQL loses their
		// order and sorts twice (EXPLAIN of the organisation report)
		String sessions = "select s.enrollment_id, s.participant_id, s.session_id, s.session_date, s.duration_minutes, "
				+ (times ? "s.start_time, " : "") + started(scope.zones(), now, params) + " as started, "
				+ weekIndex(weeks, params) + " as week_index"
				+ " from expected_attendance s join program p on p.id = s.program_id where " + expected
				+ " and s.status <> 'CANCELLED' offset 0 rows";
		return "select x.enrollment_id, x.week_index, x.session_date,"
				+ " sum(x.duration_minutes) as scheduled_minutes,"
				+ " sum(coalesce(m.minutes_attended, 0)) as attended_minutes,"
				+ " sum(case when m.id is null and x.started = 1 then 1 else 0 end) as unmarked_sessions,"
				+ " sum(case when x.started = 0 then x.duration_minutes else 0 end) as still_to_come"
				+ (times ? ", max(case when x.started = 1 then x.start_time end) as last_started,"
						+ " min(case when x.started = 0 then x.start_time end) as next_start" : "")
				+ " from (" + sessions + ") x"
				+ " left join attendance_mark m on m.session_id = x.session_id and m.participant_id = x.participant_id"
				+ " group by x.enrollment_id, x.week_index, x.session_date";
	}

	/** One enrollment's sums of one day, with when the clock next changes them. */
	record Day(long enrollmentId, long programId, long participantId, IsoWeek week, LocalDate date,
			int scheduledMinutes, int attendedMinutes, int unmarkedSessions, int stillToCome, LocalTime lastStarted,
			LocalTime nextStart) {
	}

	/**
	 * The sums per enrollment and day of the scope's enrollments (those with sessions in
	 * its weeks), at {@code now}: what the stored weeks are counted from.
	 */
	void forEachDay(Scope scope, Instant now, Consumer<Day> each) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<IsoWeek> weeks = scope.weeks();
		String sql = "select d.*, e.program_id, e.participant_id from (" + byDay(scope, now, params, true)
				+ ") d join enrollment e on e.id = d.enrollment_id";
		jdbc.query(sql, params, (ResultSet rs) -> {
			each.accept(new Day(rs.getLong("enrollment_id"), rs.getLong("program_id"), rs.getLong("participant_id"),
					weeks.get(rs.getInt("week_index")), rs.getObject("session_date", LocalDate.class),
					rs.getInt("scheduled_minutes"), rs.getInt("attended_minutes"), rs.getInt("unmarked_sessions"),
					rs.getInt("still_to_come"), rs.getObject("last_started", LocalTime.class),
					rs.getObject("next_start", LocalTime.class)));
		});
	}

	/**
	 * 1 when the session has started in its program's zone, else 0; one branch per zone.
	 */
	private static String started(Collection<String> zones, Instant now, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder("case p.time_zone");
		int i = 0;
		for (String zone : new TreeSet<>(zones)) {
			LocalDateTime threshold = startedUntil(now, ZoneId.of(zone));
			params.addValue("zone" + i, zone);
			params.addValue("nowDate" + i, threshold.toLocalDate());
			params.addValue("nowTime" + i, threshold.toLocalTime());
			sql.append(" when :zone")
				.append(i)
				.append(" then case when s.session_date < :nowDate")
				.append(i)
				.append(" or (s.session_date = :nowDate")
				.append(i)
				.append(" and s.start_time <= :nowTime")
				.append(i)
				.append(") then 1 else 0 end");
			i++;
		}
		return sql.append(" else 0 end").toString();
	}

	/**
	 * The latest local time (to the second; sessions start on the minute) whose session
	 * has started by {@code now} in the zone. That is the local time of now, except in
	 * the repeated hour when clocks go back: a session at 01:30 takes the earlier offset
	 * ({@link org.iopscheduler.calendar.WallTime}), so during the second 01:00..02:00
	 * every session of that hour has started. A session whose local time falls in the
	 * hour skipped when clocks go forward starts at the first real minute, the instant of
	 * the jump, which is exactly when the local time of now passes it: no exception
	 * needed.
	 */
	public static LocalDateTime startedUntil(Instant now, ZoneId zone) {
		LocalDateTime local = LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.SECONDS);
		ZoneOffsetTransition last = zone.getRules().previousTransition(now.plusNanos(1));
		if (last != null && last.isOverlap() && local.isBefore(last.getDateTimeBefore())) {
			return last.getDateTimeBefore().minusSeconds(1);
		}
		return local;
	}

	/**
	 * The week's index in the scope, from the session date: a CASE over the weeks'
	 * Mondays.
	 */
	private static String weekIndex(List<IsoWeek> weeks, MapSqlParameterSource params) {
		if (weeks.size() == 1) {
			return "0";
		}
		StringBuilder sql = new StringBuilder("case");
		for (int i = 1; i < weeks.size(); i++) {
			params.addValue("monday" + i, weeks.get(i).monday());
			sql.append(" when s.session_date < :monday").append(i).append(" then ").append(i - 1);
		}
		return sql.append(" else ").append(weeks.size() - 1).append(" end").toString();
	}

}
