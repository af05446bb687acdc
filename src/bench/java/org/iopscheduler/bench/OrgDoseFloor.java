package org.iopscheduler.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.dose.DoseFacts;
import org.iopscheduler.dose.WeeklyDose;

/**
 * Runs the two floors of the organisation-wide dose report on a database, plain JDBC and
 * no Spring: the best recount of the week's numbers from the raw tables
 * (bench/org-dose-floor.sql) and a plain indexed read of the week's stored rows
 * (bench/org-dose-stored-floor.sql).
 * {@code OrgDoseFloor <jdbc-url> <user> <password> <week> <iterations>} prints, for each,
 * the rows returned and the median and p99 milliseconds of the statement (prepare,
 * execute, read every row), after a few warm-up runs; then the recount's sums, which the
 * bench compares with the service's report of the same week.
 */
public final class OrgDoseFloor {

	static final String RESOURCE = "/bench/org-dose-floor.sql";

	/** The same statement for H2, which has no {@code materialized} CTEs. */
	static final String RESOURCE_H2 = "/bench/org-dose-floor-h2.sql";

	static final String STORED = "/bench/org-dose-stored-floor.sql";

	private OrgDoseFloor() {
	}

	public static void main(String[] args) throws SQLException {
		if (args.length != 5) {
			System.err.println("usage: OrgDoseFloor <jdbc-url> <user> <password> <week, e.g. 2026-W48> <iterations>");
			System.exit(2);
		}
		IsoWeek week = IsoWeek.parse(args[3]);
		int iterations = Integer.parseInt(args[4]);
		try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
			connection.setReadOnly(true);
			List<String> zones = zones(connection);
			Instant now = Instant.now();
			List<Object[]> rows = run(connection, week, zones, now);
			print("recount", week, rows.size(), time(iterations, () -> run(connection, week, zones, now).size()));
			print("stored", week, storedRows(connection, week),
					time(iterations, () -> storedRows(connection, week)));
			// what the bench compares with the service's answer for the same week: the
			// numbers the clock cannot move between the two reads
			long[] sums = new long[4];
			for (Object[] row : rows) {
				sums[0] += (Integer) row[3];
				sums[1] += (Integer) row[4];
				sums[2] += (Integer) row[8];
				sums[3] += (Integer) row[9];
			}
			System.out.printf("sums rows=%d scheduled=%d attended=%d days_attended=%d days_of_three_hours=%d%n",
					rows.size(), sums[0], sums[1], sums[2], sums[3]);
		}
	}

	/** One statement, timed. */
	interface Statement {

		int rows() throws SQLException;

	}

	/**
	 * Milliseconds of each of {@code iterations} runs (prepare, execute, read every row),
	 * sorted, after a few warm-up runs.
	 */
	static double[] time(int iterations, Statement statement) throws SQLException {
		for (int i = 0; i < Math.min(5, iterations); i++) {
			statement.rows();
		}
		double[] millis = new double[iterations];
		for (int i = 0; i < iterations; i++) {
			long start = System.nanoTime();
			statement.rows();
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		return millis;
	}

	private static void print(String floor, IsoWeek week, int rows, double[] millis) {
		int n = millis.length;
		System.out.printf("floor %s %s: rows=%d iterations=%d median_ms=%.1f p99_ms=%.1f%n", floor, week, rows, n,
				millis[(n - 1) / 2], millis[(int) Math.ceil(n * 0.99) - 1]);
	}

	/**
	 * The second floor: a plain read, by its index, of the week's stored rows
	 * ({@code weekly_dose}, every column the report takes from them); the rows read.
	 */
	public static int storedRows(Connection connection, IsoWeek week) throws SQLException {
		int rows = 0;
		try (PreparedStatement st = connection.prepareStatement(sql(STORED).replace(":monday", "?"))) {
			st.setFetchSize(1000);
			st.setObject(1, week.monday());
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					Object[] row = new Object[12];
					for (int i = 0; i < row.length; i++) {
						row[i] = rs.getObject(i + 1);
					}
					rows++;
				}
			}
		}
		return rows;
	}

	/** The distinct zones of the programs: one row of the zone table each. */
	public static List<String> zones(Connection connection) throws SQLException {
		List<String> zones = new ArrayList<>();
		try (PreparedStatement st = connection.prepareStatement("select distinct time_zone from program");
				ResultSet rs = st.executeQuery()) {
			while (rs.next()) {
				zones.add(rs.getString(1));
			}
		}
		return new ArrayList<>(new TreeSet<>(zones));
	}

	/** Every row of the floor query, each as its ten columns, in the query's order. */
	public static List<Object[]> run(Connection connection, IsoWeek week, List<String> zones, Instant now)
			throws SQLException {
		if (zones.isEmpty()) {
			return List.of();
		}
		String zoneRows = String.join(", ", java.util.Collections.nCopies(zones.size(),
				"(cast(? as varchar(64)), cast(? as date), cast(? as time))"));
		boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
		String sql = sql(h2 ? RESOURCE_H2 : RESOURCE).replace("/*zones*/", "values " + zoneRows);
		List<Object> params = new ArrayList<>();
		StringBuilder positional = new StringBuilder();
		// parameters in the order they appear: the week's dates, and the zone table where
		// it stands
		Matcher m = Pattern.compile(":(monday|sunday|threeHours)\\b|values \\(cast\\(\\? as varchar").matcher(sql);
		int at = 0;
		while (m.find()) {
			if (m.group(1) != null) {
				positional.append(sql, at, m.start()).append('?');
				params.add(switch (m.group(1)) {
					case "monday" -> week.monday();
					case "sunday" -> week.sunday();
					default -> WeeklyDose.THREE_HOURS;
				});
			}
			else {
				positional.append(sql, at, m.end());
				for (String zone : zones) {
					ZoneId id = ZoneId.of(zone);
					LocalDateTime startedUntil = DoseFacts.startedUntil(now, id);
					params.add(zone);
					params.add(startedUntil.toLocalDate());
					params.add(startedUntil.toLocalTime());
				}
			}
			at = m.end();
		}
		positional.append(sql.substring(at));
		List<Object[]> rows = new ArrayList<>();
		try (PreparedStatement st = connection.prepareStatement(positional.toString())) {
			st.setFetchSize(1000);
			for (int i = 0; i < params.size(); i++) {
				st.setObject(i + 1, params.get(i));
			}
			try (ResultSet rs = st.executeQuery()) {
				while (rs.next()) {
					rows.add(row(rs, week, now));
				}
			}
		}
		return rows;
	}

	/**
	 * The report's ten columns: the counts as the statement returns them, the status from
	 * the one rule that decides it ({@link WeeklyDose}).
	 */
	private static Object[] row(ResultSet rs, IsoWeek week, Instant now) throws SQLException {
		Date lastDay = rs.getDate("last_day");
		WeeklyDose.Totals totals = new WeeklyDose.Totals(rs.getInt("scheduled_minutes"), rs.getInt("attended_minutes"),
				rs.getInt("unmarked_sessions"), rs.getInt("still_to_come"), rs.getInt("days_attended"),
				rs.getInt("days_of_three_hours"));
		WeeklyDose dose = WeeklyDose.of(week, ZoneId.of(rs.getString("time_zone")), rs.getInt("minimum_weekly_minutes"),
				rs.getDate("start_date").toLocalDate(), lastDay == null ? null : lastDay.toLocalDate(), totals, now);
		return new Object[] { rs.getObject("program_id"), rs.getObject("participant_id"), rs.getObject("enrollment_id"),
				dose.scheduledMinutes(), dose.attendedMinutes(), dose.unmarkedSessions(), dose.status().name(),
				dose.minimumWeeklyMinutes(), dose.daysAttended(), dose.daysOfThreeHours() };
	}

	/** The statement without its comment lines (they name the parameters, too). */
	static String sql(String resource) {
		try (InputStream in = OrgDoseFloor.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.strip().startsWith("--"))
				.collect(java.util.stream.Collectors.joining("\n"));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
