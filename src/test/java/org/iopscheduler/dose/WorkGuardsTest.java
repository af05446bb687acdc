package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.iopscheduler.support.SqlWork;
import org.iopscheduler.support.SqlWork.Cost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Guards of the work a request asks of the database, counted at the DataSource (every SQL
 * statement, whoever sends it, and every row read from a ResultSet): every report and
 * read of {@link #endpoints}, and a mark, cost the same statements for 10 participants as
 * for 100, exactly as many as counted below; and no read endpoint reads rows of data it
 * does not show (another program's participants, sessions and marks).
 */
@Import(SqlWork.class)
class WorkGuardsTest extends ApplicationTest {

	static final String PASSWORD = "password-123";

	/**
	 * A program, one of its participants (who can sign in), and one of its started
	 * sessions.
	 */
	record Built(long programId, long participantId, String username, long sessionId) {
	}

	static Built few;

	static Built many;

	@Autowired
	People people;

	@Autowired
	Programs programs;

	@Autowired
	Blocks blocks;

	@Autowired
	Enrollments enrollments;

	@Autowired
	SessionMaker maker;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void programsOf10And100() {
		if (few == null) {
			few = programWith(10);
			many = programWith(100);
		}
	}

	/**
	 * The read endpoints, each as a coordinator (or the participant) would call it for a
	 * program.
	 */
	Map<String, Function<Built, Api.Reply>> endpoints() {
		Map<String, Function<Built, Api.Reply>> calls = new LinkedHashMap<>();
		calls.put("program dose report",
				b -> coordinator.get("/api/programs/" + b.programId() + "/dosage?week=2026-W47"));
		calls.put("organisation report of a program",
				b -> coordinator.get("/api/dosage?week=2026-W47&programId=" + b.programId()));
		calls.put("organisation report of a program, by status", b -> coordinator
			.get("/api/dosage?week=2026-W47&status=UNDER_DOSED,AT_RISK&programId=" + b.programId()));
		calls.put("participant dosage over weeks",
				b -> coordinator.get("/api/participants/" + b.participantId() + "/dosage?from=2026-W40&to=2026-W48"));
		calls.put("own schedule", b -> coordinator.as(b.username(), PASSWORD).get("/api/me/schedule?week=2026-W48"));
		calls.put("own dosage",
				b -> coordinator.as(b.username(), PASSWORD).get("/api/me/dosage?from=2026-W44&to=2026-W48"));
		calls.put("sessions of a week",
				b -> coordinator.get("/api/programs/" + b.programId() + "/sessions?week=2026-W48"));
		calls.put("roster of a session", b -> coordinator.get("/api/sessions/" + b.sessionId() + "/attendance"));
		calls.put("program week export",
				b -> coordinator.get("/api/programs/" + b.programId() + "/dosage.csv?week=2026-W47"));
		calls.put("organisation export of a program",
				b -> coordinator.get("/api/dosage.csv?week=2026-W47&programId=" + b.programId()));
		calls.put("audit listing of a participant",
				b -> coordinator.get("/api/audit?size=5&participantId=" + b.participantId()));
		return calls;
	}

	Cost cost(Function<Built, Api.Reply> call, Built program) {
		Api.Reply first = call.apply(program); // makes the weeks' sessions, like any
												// first look
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		return SqlWork.measure(() -> assertThat(call.apply(program).status()).isEqualTo(200));
	}

	/**
	 * Each read's statements, sign-in and audit line included: exact, so that a statement
	 * more (or a welcome one less) is seen here first.
	 */
	static final Map<String, Long> STATEMENTS = Map.ofEntries(Map.entry("program dose report", 5L),
			Map.entry("organisation report of a program", 5L),
			Map.entry("organisation report of a program, by status", 5L),
			Map.entry("participant dosage over weeks", 7L), Map.entry("own schedule", 5L), Map.entry("own dosage", 6L),
			Map.entry("sessions of a week", 6L), Map.entry("roster of a session", 4L),
			Map.entry("program week export", 8L), Map.entry("organisation export of a program", 5L),
			Map.entry("audit listing of a participant", 3L));

	@Test
	void everyReportAndReadRunsTheSameStatementsFor10And100Participants() {
		endpoints().forEach((name, call) -> {
			Cost small = cost(call, few);
			Cost large = cost(call, many);
			assertThat(large.statements()).as(name + ": 100 participants\n" + large + "\n10 participants\n" + small)
				.isEqualTo(small.statements())
				.isEqualTo(STATEMENTS.get(name));
		});
		assertThat(STATEMENTS.keySet()).as("a count for every read").isEqualTo(endpoints().keySet());
	}

	/**
	 * Sign-in, the session's lock, the participant's covering enrollment locked and its
	 * plan, the mark locked, its history row and update, the stored week counted again
	 * (six, StoredDoses) and the audit line; the program's zone is known after its first
	 * mark.
	 */
	static final long MARK_STATEMENTS = 13;

	/**
	 * A mark counts its participant's stored week again in its transaction: the same
	 * statements whatever the size of the program.
	 */
	@Test
	void aMarkRunsTheSameStatementsFor10And100Participants() {
		Cost small = markCost(few);
		Cost large = markCost(many);
		assertThat(large.statements()).as("100 participants\n" + large + "\n10 participants\n" + small)
			.isEqualTo(small.statements())
			.isEqualTo(MARK_STATEMENTS);
	}

	/** A correction of the participant's mark (the first mark goes in before). */
	Cost markCost(Built b) {
		String path = "/api/sessions/" + b.sessionId() + "/attendance/" + b.participantId();
		assertThat(coordinator.put(path, Api.body("status", "ABSENT")).status()).isLessThan(300);
		return SqlWork
			.measure(() -> assertThat(coordinator.put(path, Api.body("status", "PRESENT")).status()).isLessThan(300));
	}

	@Test
	void theOrganisationReportRunsTheSameStatementsWhateverTheNumberOfPrograms() {
		Function<Built, Api.Reply> everything = b -> coordinator.get("/api/dosage?week=2026-W47");
		Cost before = cost(everything, few);
		programWith(20);
		Cost after = cost(everything, few);
		assertThat(after.statements()).as(after.toString()).isEqualTo(before.statements()).isLessThanOrEqualTo(10);
	}

	@Test
	void noReadEndpointReadsRowsOfAnotherProgramsParticipantsSessionsOrMarks() {
		Built target = programWith(10);
		Map<String, Cost> before = new LinkedHashMap<>();
		endpoints().forEach((name, call) -> before.put(name, cost(call, target)));
		Built other = programWith(60);
		markEverySessionOf(other);
		endpoints().forEach((name, call) -> {
			Cost after = cost(call, target);
			assertThat(after.rows()).as(name + "\nbefore: " + before.get(name) + "\nafter: " + after)
				.isEqualTo(before.get(name).rows());
		});
	}

	/**
	 * A program of three weekly groups from 2026-09-07, with {@code participants}
	 * enrolled in all of them.
	 */
	Built programWith(int participants) {
		Program program = programs.create(unique("Guard "), Population.ADULT, "America/New_York", null);
		List<Long> plan = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
			long counselor = people.createStaff(unique("gc"), PASSWORD, "C", Role.COUNSELOR).getId();
			plan.add(blocks
				.create(program.getId(),
						new BlockDefinition(BlockType.GROUP, "Group", day, LocalTime.of(9, 0), 180, counselor, "Room 1",
								null, 200, null))
				.getId());
		}
		String username = unique("gp");
		Account signsIn = people.createParticipant(username, PASSWORD, "P", LocalDate.of(1990, 1, 1));
		List<Long> ids = new ArrayList<>(List.of(signsIn.getId()));
		ids.addAll(quickParticipants(participants - 1, signsIn));
		for (long id : ids) {
			enrollments.enrol(program.getId(), id, LocalDate.of(2026, 9, 7), null, plan);
		}
		maker.ensure(program.getId(), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 12, 6));
		long session = jdbc.queryForObject(
				"select min(id) from dated_session where program_id = ? and session_date = ?", Long.class,
				program.getId(), LocalDate.of(2026, 11, 23));
		return new Built(program.getId(), signsIn.getId(), username, session);
	}

	/**
	 * Participants inserted in one batch (hashing a password per participant would take
	 * minutes).
	 */
	List<Long> quickParticipants(int count, Account template) {
		String hash = jdbc.queryForObject("select password_hash from account where id = ?", String.class,
				template.getId());
		String prefix = unique("q");
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { prefix + "-" + i, hash, "Q " + i, "PARTICIPANT", LocalDate.of(1990, 1, 1),
					Timestamp.from(NOW) });
		}
		jdbc.batchUpdate("insert into account (username, password_hash, full_name, role, date_of_birth, created_at) "
				+ "values (?, ?, ?, ?, ?, ?)", rows);
		return jdbc.queryForList("select id from account where username like ? order by id", Long.class, prefix + "-%");
	}

	/** Every participant present at every started session of the program. */
	void markEverySessionOf(Built program) {
		jdbc.update("""
				insert into attendance_mark (session_id, participant_id, status, minutes_attended, marked_by, marked_at)
				select s.id, e.participant_id, 'PRESENT', s.duration_minutes, e.participant_id, s.created_at
				from dated_session s join enrollment e on e.program_id = s.program_id
				where s.program_id = ? and s.session_date < ?""", program.programId(), LocalDate.of(2026, 11, 25));
	}

}
