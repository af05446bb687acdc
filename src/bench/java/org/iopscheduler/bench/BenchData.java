package org.iopscheduler.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.dose.StoredDoses;
import org.iopscheduler.calendar.Closure;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.ProgramZone;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Writes a large provider group's data for the benchmark (issue 6): programs in several
 * zones, their weekly blocks and counselors, participants with enrollments and plans, the
 * dated sessions of every week of those enrollments (as {@code SessionMaker} makes them)
 * with a Thanksgiving closure and scattered cancellations, and attendance (with its
 * history row, as {@code Attendance} writes it) for every session that has started. The
 * same seed and the same clock give the same rows.
 * <p>
 * Plain JDBC, typed batches, a commit per batch. Ids are assigned here, after the highest
 * already in each table, and every identity is restarted after the last one at the end,
 * so the service's own inserts never collide with them, on H2 and PostgreSQL alike.
 */
@Component
@RequiredArgsConstructor
public class BenchData {

	public static final String PASSWORD = "bench-password-1";

	public static final String COORDINATOR = "bench-coordinator";

	static final LocalDate THANKSGIVING = LocalDate.of(2026, 11, 26);

	static final String THANKSGIVING_REASON = "Thanksgiving Day";

	static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
			"America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "Europe/London");

	static final int BLOCKS_PER_PROGRAM = 15;

	static final int COUNSELORS_PER_PROGRAM = 5;

	static final int CAPACITY = 40;

	static final int MINUTES = 180;

	private static final LocalTime[] STARTS = { LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(18, 0) };

	private static final String[] GROUPS = { "Process group", "Relapse prevention", "Coping skills",
			"Mindfulness group", "Dual diagnosis group", "Early recovery group" };

	private static final String[] EDUCATION = { "Recovery education", "Family education", "Substance education" };

	private static final String[] CANCEL_REASONS = { "Counselor ill", "Room unavailable", "Weather",
			"Counselor at training" };

	private static final String[] FIRST = { "Alex", "Jordan", "Taylor", "Casey", "Riley", "Jamie", "Avery", "Quinn",
			"Morgan", "Rowan", "Emery", "Finley", "Sky", "Dana", "Marcus", "Priya", "Sam", "Robin", "Kai", "Noor" };

	private static final String[] LAST = { "Carter", "Miles", "Brooks", "Nguyen", "Adams", "Flores", "Patel", "Harper",
			"Lee", "Ellis", "Cruz", "Shaw", "Whitfield", "Ortega", "Raman", "Okafor", "Kim", "Garcia", "Novak",
			"Reyes" };

	/** Tables the generator writes, in the order their rows depend on each other. */
	private static final List<String> TABLES = List.of("account", "program", "weekly_block", "block_version",
			"program_closure", "enrollment", "enrollment_plan_block", "dated_session", "attendance_mark",
			"attendance_change");

	private static final int BATCH = 2_000;

	private final DataSource dataSource;

	private final PasswordEncoder passwordEncoder;

	private final Clock clock;

	/**
	 * How much to write. Enrollments run from the Monday {@code pastWeeks} before the
	 * current week to the Sunday of the {@code comingWeeks}-th week counting the current
	 * one: 16 + 4 = 20 weeks.
	 */
	public record Size(int programs, int participantsPerProgram, int pastWeeks, int comingWeeks) {

		public static final Size ISSUE = new Size(200, 100, 16, 4);

		public Size {
			if (programs < 1 || participantsPerProgram < 1 || pastWeeks < 0 || comingWeeks < 1) {
				throw new IllegalArgumentException("sizes must be positive: " + this);
			}
		}

	}

	public record Counts(long accounts, long programs, long blocks, long sessions, long cancelled, long closures,
			long enrollments, long planBlocks, long marks, long changes) {

		public String summary() {
			return accounts + " accounts, " + programs + " programs, " + blocks + " blocks, " + sessions + " sessions ("
					+ cancelled + " cancelled, " + closures + " closures), " + enrollments + " enrollments, "
					+ planBlocks + " plan blocks, " + marks + " attendance marks, " + changes + " attendance changes";
		}

	}

	/** The database already holds a clinic: the generator adds nothing to it. */
	public static class AlreadyLoaded extends RuntimeException {

		AlreadyLoaded(long programs) {
			super("the database already holds " + programs
					+ " program(s); the generator writes only into an empty one (drop it or use another)");
		}

	}

	private record Block(long id, int index, DayOfWeek day, LocalTime start, String type, String title,
			long counselorId, String locationKind, String location, List<Participant> roster) {
	}

	private record Participant(long id, int number, boolean chronicallyAbsent, List<Block> plan) {
	}

	private record Program(long id, int number, ZoneId zone, Population population, LocalDate first, LocalDate last,
			List<Long> counselors, List<Block> blocks, List<Participant> participants, Long closureId) {
	}

	public Counts generate(long seed, Size size) throws SQLException {
		Instant now = clock.instant();
		SplittableRandom random = new SplittableRandom(seed);
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			long existing = single(connection, "select count(*) from program");
			if (existing > 0) {
				throw new AlreadyLoaded(existing);
			}
			Map<String, Long> next = new LinkedHashMap<>();
			for (String table : TABLES) {
				next.put(table, single(connection, "select coalesce(max(id), 0) + 1 from " + table));
			}
			Ids ids = new Ids(next);
			// one hash for every account: BCrypt is slow on purpose, 21,000 of them would
			// take minutes
			String hash = passwordEncoder.encode(PASSWORD);
			long coordinator = ids.next("account");
			List<Program> programs = model(size, random, ids, now);

			writeAccounts(connection, hash, coordinator, programs, random, now);
			writeCalendars(connection, coordinator, programs, ids, now);
			writeEnrollments(connection, programs, ids, now);
			long[] sessionCounts = writeSessionsAndAttendance(connection, programs, random, ids, now);

			try (Statement statement = connection.createStatement()) {
				for (String table : TABLES) {
					statement.execute("alter table " + table + " alter column id restart with " + ids.peek(table));
				}
			}
			connection.commit();
			connection.setAutoCommit(true);
			// raw rows bypass the services: the stored weeks are counted as the service
			// counts them
			StoredDoses.recountAll(dataSource, now);
			try (Statement statement = connection.createStatement()) {
				statement.execute("analyze");
			}
			long blocks = programs.stream().mapToLong(p -> p.blocks().size()).sum();
			long participants = programs.stream().mapToLong(p -> p.participants().size()).sum();
			long planBlocks = programs.stream()
				.flatMap(p -> p.participants().stream())
				.mapToLong(p -> p.plan().size())
				.sum();
			long closures = programs.stream().filter(p -> p.closureId() != null).count();
			return new Counts(1 + programs.size() * COUNSELORS_PER_PROGRAM + participants, programs.size(), blocks,
					sessionCounts[0], sessionCounts[1], closures, participants, planBlocks, sessionCounts[2],
					sessionCounts[2]);
		}
	}

	/**
	 * Everything but the sessions and the attendance, drawn in a fixed order from the
	 * seed.
	 */
	private List<Program> model(Size size, SplittableRandom random, Ids ids, Instant now) {
		List<Program> programs = new ArrayList<>();
		int participantNumber = 0;
		for (int p = 0; p < size.programs(); p++) {
			// the rows go in by SQL, past Program.create: the zone still goes through the
			// one rule
			ZoneId zone = ProgramZone.of(ZONES.get(p % ZONES.size()));
			Population population = random.nextInt(10) < 3 ? Population.ADOLESCENT : Population.ADULT;
			IsoWeek current = IsoWeek.containing(now, zone);
			LocalDate first = current.monday().minusWeeks(size.pastWeeks());
			LocalDate last = current.sunday().plusWeeks(size.comingWeeks() - 1L);
			boolean thanksgiving = zone.getId().startsWith("America/") || zone.getId().startsWith("Pacific/");
			Long closureId = thanksgiving && !THANKSGIVING.isBefore(first) && !THANKSGIVING.isAfter(last)
					? ids.next("program_closure") : null;
			List<Long> counselors = new ArrayList<>();
			for (int c = 0; c < COUNSELORS_PER_PROGRAM; c++) {
				counselors.add(ids.next("account"));
			}
			Program program = new Program(ids.next("program"), p + 1, zone, population, first, last, counselors,
					new ArrayList<>(), new ArrayList<>(), closureId);
			for (int b = 0; b < BLOCKS_PER_PROGRAM; b++) {
				// distinct (day, time) per program, none overlapping: Monday..Friday x
				// 09:00, 13:00, 18:00
				boolean education = b % 3 == 2;
				String title = education ? EDUCATION[b % EDUCATION.length] : GROUPS[b % GROUPS.length];
				boolean video = random.nextInt(4) == 0;
				String location = video ? String.format("https://video.example.org/iop-%03d-%02d", p + 1, b + 1)
						: "Room " + (1 + b % 6);
				program.blocks()
					.add(new Block(ids.next("weekly_block"), b, DayOfWeek.of(1 + b % 5), STARTS[b / 5 % STARTS.length],
							education ? "PSYCHOEDUCATION" : "GROUP", title,
							counselors.get((b + b / 5) % COUNSELORS_PER_PROGRAM), video ? "VIDEO" : "ROOM", location,
							new ArrayList<>()));
			}
			// plans reach the weekly minimum (3 x 180 = 540, 2 x 180 = 360); one more
			// block for most,
			// spread round-robin over the blocks so none fills before the others
			int cursor = 0;
			for (int i = 0; i < size.participantsPerProgram(); i++) {
				participantNumber++;
				int minimumBlocks = population == Population.ADULT ? 3 : 2;
				int count = minimumBlocks + (random.nextInt(4) < 3 ? 1 : 0);
				boolean chronic = random.nextInt(100) < 6;
				Participant participant = new Participant(ids.next("account"), participantNumber, chronic,
						new ArrayList<>());
				for (int k = 0; k < count; k++) {
					Block block = program.blocks().get((cursor + k) % BLOCKS_PER_PROGRAM);
					participant.plan().add(block);
					block.roster().add(participant);
					if (block.roster().size() > CAPACITY) {
						throw new IllegalArgumentException("participantsPerProgram " + size.participantsPerProgram()
								+ " overfills the blocks (capacity " + CAPACITY + ")");
					}
				}
				cursor += count;
				program.participants().add(participant);
			}
			programs.add(program);
		}
		return programs;
	}

	private void writeAccounts(Connection connection, String hash, long coordinator, List<Program> programs,
			SplittableRandom random, Instant now) throws SQLException {
		LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
		try (Rows accounts = new Rows(connection, """
				insert into account (id, username, password_hash, full_name, role, date_of_birth, failed_logins,
				  created_at, version)
				values (?, ?, ?, ?, ?, ?, 0, ?, 0)""", BATCH)) {
			accounts.id(coordinator)
				.text(COORDINATOR)
				.text(hash)
				.text("Bench Coordinator")
				.text("COORDINATOR")
				.date(null)
				.instant(now)
				.add();
			int counselor = 0;
			for (Program program : programs) {
				for (long id : program.counselors()) {
					counselor++;
					accounts.id(id)
						.text(String.format("bench-counselor-%04d", counselor))
						.text(hash)
						.text(name(random) + ", LCSW")
						.text("COUNSELOR")
						.date(null)
						.instant(now)
						.add();
				}
			}
			for (Program program : programs) {
				for (Participant participant : program.participants()) {
					// an adolescent is 13 to 17 today, an adult 19 to 64
					int age = program.population() == Population.ADOLESCENT ? 13 + random.nextInt(5)
							: 19 + random.nextInt(46);
					LocalDate born = today.minusYears(age).minusDays(1 + random.nextInt(360));
					accounts.id(participant.id())
						.text(String.format("bench-p%05d", participant.number()))
						.text(hash)
						.text(name(random))
						.text("PARTICIPANT")
						.date(born)
						.instant(now)
						.add();
				}
			}
		}
	}

	private void writeCalendars(Connection connection, long coordinator, List<Program> programs, Ids ids, Instant now)
			throws SQLException {
		try (Rows rows = new Rows(connection, """
				insert into program (id, name, population, time_zone, minimum_weekly_minutes, created_at, version)
				values (?, ?, ?, ?, ?, ?, 0)""", BATCH)) {
			for (Program program : programs) {
				String city = program.zone()
					.getId()
					.substring(program.zone().getId().indexOf('/') + 1)
					.replace('_', ' ');
				rows.id(program.id())
					.text(String.format("%s IOP %03d (%s)",
							program.population() == Population.ADULT ? "Adult" : "Adolescent", program.number(), city))
					.text(program.population().name())
					.text(program.zone().getId())
					.number(program.population().floorMinutes())
					.instant(now)
					.add();
			}
		}
		try (Rows blocks = new Rows(connection, """
				insert into weekly_block (id, program_id, type, title, capacity, created_at, version)
				values (?, ?, ?, ?, ?, ?, 0)""", BATCH)) {
			for (Program program : programs) {
				for (Block block : program.blocks()) {
					blocks.id(block.id())
						.id(program.id())
						.text(block.type())
						.text(block.title())
						.number(CAPACITY)
						.instant(now)
						.add();
				}
			}
		}
		// one open version per block, from the block's creation on (valid_from null), as
		// Blocks.create makes it
		try (Rows versions = new Rows(connection, """
				insert into block_version (id, block_id, valid_from, valid_to, day_of_week, start_time,
				  duration_minutes, counselor_id, location_kind, location)
				values (?, ?, null, null, ?, ?, ?, ?, ?, ?)""", BATCH)) {
			for (Program program : programs) {
				for (Block block : program.blocks()) {
					versions.id(ids.next("block_version"))
						.id(block.id())
						.text(block.day().name())
						.time(block.start())
						.number(MINUTES)
						.id(block.counselorId())
						.text(block.locationKind())
						.text(block.location())
						.add();
				}
			}
		}
		try (Rows closures = new Rows(connection, """
				insert into program_closure (id, program_id, closure_date, reason, created_by, created_at)
				values (?, ?, ?, ?, ?, ?)""", BATCH)) {
			for (Program program : programs) {
				if (program.closureId() != null) {
					closures.id(program.closureId())
						.id(program.id())
						.date(THANKSGIVING)
						.text(THANKSGIVING_REASON)
						.id(coordinator)
						.instant(now)
						.add();
				}
			}
		}
	}

	private void writeEnrollments(Connection connection, List<Program> programs, Ids ids, Instant now)
			throws SQLException {
		try (Rows enrollments = new Rows(connection, """
				insert into enrollment (id, program_id, participant_id, start_date, end_date, open_marker, created_at,
				  version)
				values (?, ?, ?, ?, ?, null, ?, 0)""", BATCH); Rows plans = new Rows(connection, """
				insert into enrollment_plan_block (id, enrollment_id, block_id, valid_from, valid_to)
				values (?, ?, ?, ?, null)""", BATCH, enrollments)) {
			for (Program program : programs) {
				for (Participant participant : program.participants()) {
					long enrollment = ids.next("enrollment");
					enrollments.id(enrollment)
						.id(program.id())
						.id(participant.id())
						.date(program.first())
						.date(program.last())
						.instant(now)
						.add();
					for (Block block : participant.plan()) {
						plans.id(ids.next("enrollment_plan_block"))
							.id(enrollment)
							.id(block.id())
							.date(program.first())
							.add();
					}
				}
			}
		}
	}

	/** Answers {sessions, cancelled, marks}. */
	private long[] writeSessionsAndAttendance(Connection connection, List<Program> programs, SplittableRandom random,
			Ids ids, Instant now) throws SQLException {
		long cancelled = 0;
		String closedReason = Closure.sessionReason(THANKSGIVING_REASON);
		try (Rows sessions = new Rows(connection, """
				insert into dated_session (id, program_id, block_id, session_date, start_time, duration_minutes, type,
				  title, counselor_id, location_kind, location, status, cancel_reason, closure_id, created_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", BATCH);
				Rows marks = new Rows(connection, """
						insert into attendance_mark (id, session_id, participant_id, status, minutes_attended, note,
						  marked_by, marked_at, version)
						values (?, ?, ?, ?, ?, null, ?, ?, 0)""", BATCH, sessions);
				Rows changes = new Rows(connection, """
						insert into attendance_change (id, session_id, participant_id, old_status,
						  old_minutes_attended, new_status, new_minutes_attended, note, changed_by, changed_at)
						values (?, ?, ?, null, null, ?, ?, null, ?, ?)""", BATCH, sessions)) {
			for (Program program : programs) {
				for (LocalDate monday = program.first(); !monday.isAfter(program.last()); monday = monday
					.plusWeeks(1)) {
					for (Block block : program.blocks()) {
						LocalDate date = monday.with(block.day());
						boolean closed = program.closureId() != null && date.equals(THANKSGIVING);
						// drawn for every session, closed or not, so one rule's change
						// leaves the others' draws
						String reason = random.nextInt(100) == 0 ? CANCEL_REASONS[random.nextInt(CANCEL_REASONS.length)]
								: null;
						if (closed) {
							reason = closedReason;
						}
						long session = ids.next("dated_session");
						sessions.id(session)
							.id(program.id())
							.id(block.id())
							.date(date)
							.time(block.start())
							.number(MINUTES)
							.text(block.type())
							.text(block.title())
							.id(block.counselorId())
							.text(block.locationKind())
							.text(block.location())
							.text(reason == null ? "SCHEDULED" : "CANCELLED")
							.text(reason)
							.id(closed ? program.closureId() : null)
							.instant(now)
							// a session cancelled on its own was made, then updated once
							// by Sessions.cancel
							.number(reason != null && !closed ? 1 : 0)
							.add();
						if (reason != null) {
							cancelled++;
							continue;
						}
						ZonedDateTime starts = ZonedDateTime.of(date, block.start(), program.zone());
						if (starts.toInstant().isAfter(now)) {
							continue;
						}
						Instant ends = starts.plusMinutes(MINUTES).toInstant();
						for (Participant participant : block.roster()) {
							String status = status(random, participant.chronicallyAbsent());
							int minutes = switch (status) {
								case "PRESENT" -> MINUTES;
								case "LATE" -> MINUTES - 5 - random.nextInt(56);
								case "LEFT_EARLY" -> MINUTES - 15 - random.nextInt(76);
								default -> 0;
							};
							Instant markedAt = ends.plusSeconds(60L * (5 + random.nextInt(175)));
							if (markedAt.isAfter(now)) {
								markedAt = now;
							}
							marks.id(ids.next("attendance_mark"))
								.id(session)
								.id(participant.id())
								.text(status)
								.number(minutes)
								.id(block.counselorId())
								.instant(markedAt)
								.add();
							// the first mark's history row, as Attendance writes it: from
							// nothing to the mark
							changes.id(ids.next("attendance_change"))
								.id(session)
								.id(participant.id())
								.text(status)
								.number(minutes)
								.id(block.counselorId())
								.instant(markedAt)
								.add();
						}
					}
				}
			}
			sessions.flush();
			marks.flush();
			changes.flush();
			return new long[] { sessions.written(), cancelled, marks.written() };
		}
	}

	/**
	 * About 85% present, 7% absent, 3% excused, 3% late, 2% left early; a few are mostly
	 * absent.
	 */
	private static String status(SplittableRandom random, boolean chronicallyAbsent) {
		int r = random.nextInt(100);
		if (chronicallyAbsent) {
			return r < 50 ? "PRESENT" : r < 88 ? "ABSENT" : r < 93 ? "EXCUSED" : r < 98 ? "LATE" : "LEFT_EARLY";
		}
		return r < 87 ? "PRESENT" : r < 92 ? "ABSENT" : r < 95 ? "EXCUSED" : r < 98 ? "LATE" : "LEFT_EARLY";
	}

	private static String name(SplittableRandom random) {
		return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
	}

	/**
	 * The next id of each table, counted here and given to the identity columns at the
	 * end.
	 */
	private static final class Ids {

		private final Map<String, Long> next;

		Ids(Map<String, Long> next) {
			this.next = next;
		}

		long next(String table) {
			long id = next.get(table);
			next.put(table, id + 1);
			return id;
		}

		long peek(String table) {
			return next.get(table);
		}

	}

	private static long single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
