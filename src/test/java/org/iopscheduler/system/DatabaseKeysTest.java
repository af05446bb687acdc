package org.iopscheduler.system;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The invariants a check-then-insert in Java could let slip when two instances race are
 * held by the schema itself. Plain SQL, no service in between: what the database refuses
 * here it refuses whatever the code above it does, on H2 and on PostgreSQL alike.
 */
@DataJpaTest
class DatabaseKeysTest {

	@Autowired
	JdbcTemplate jdbc;

	long coordinator;

	long counselor;

	long participant;

	long program;

	long session;

	@BeforeEach
	void clinic() {
		coordinator = account("coord", "COORDINATOR", null);
		counselor = account("couns", "COUNSELOR", null);
		participant = account("pat", "PARTICIPANT", "1990-01-01");
		program = insert("insert into program (name, population, time_zone, minimum_weekly_minutes, created_at)"
				+ " values ('IOP', 'ADULT', 'America/New_York', 540, current_timestamp)");
		session = insert(
				"insert into dated_session (program_id, session_date, start_time, duration_minutes, type, title,"
						+ " counselor_id, location_kind, location, status, created_at) values (" + program
						+ ", date '2026-11-02', time '09:00:00', 180, 'GROUP', 'Group', " + counselor
						+ ", 'ROOM', 'Room 1', 'SCHEDULED', current_timestamp)");
	}

	/*
	 * Under H2 this slice runs on a connection-per-use data source: the connection that
	 * created the tables (Flyway's) is long closed. H2 2.4.240 then refused every row
	 * with "Check constraint invalid".
	 */
	@Test
	void checkConstraintsStillAcceptValidRowsAfterTheMigratingConnectionIsClosed() {
		assertThatNoException().isThrownBy(() -> account("another", "COUNSELOR", null));
		assertThatNoException().isThrownBy(() -> mark("LATE", 30));
	}

	@Test
	void oneAttendanceMarkPerSessionAndParticipant() {
		mark("PRESENT", 180);
		assertThatThrownBy(() -> mark("ABSENT", 0)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void usernamesAreUnique() {
		assertThatThrownBy(() -> account("coord", "COUNSELOR", null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void oneOpenEnrollmentPerParticipantAndProgram() {
		enrollment("2026-01-05", null);
		assertThatThrownBy(() -> enrollment("2026-06-01", null)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void enrollmentsWithAnEndDoNotCountAsOpen() {
		enrollment("2026-01-05", null);
		assertThatNoException().isThrownBy(() -> enrollment("2025-01-06", "2025-03-28"));
	}

	@Test
	void attendanceMinutesStayWithinASession() {
		assertThatThrownBy(() -> mark("LATE", 721)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void absentMeansNoMinutes() {
		assertThatThrownBy(() -> mark("ABSENT", 30)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anAdultProgramCannotFallBelowNineHoursAWeek() {
		assertThatThrownBy(() -> jdbc.update("update program set minimum_weekly_minutes = 539 where id = ?", program))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	private void mark(String status, int minutes) {
		jdbc.update(
				"insert into attendance_mark (session_id, participant_id, status, minutes_attended, marked_by,"
						+ " marked_at) values (?, ?, ?, ?, ?, current_timestamp)",
				session, participant, status, minutes, coordinator);
	}

	private void enrollment(String start, String end) {
		jdbc.update(
				"insert into enrollment (program_id, participant_id, start_date, end_date, open_marker, created_at)"
						+ " values (?, ?, cast(? as date), cast(? as date), ?, current_timestamp)",
				program, participant, start, end, end == null ? 1 : null);
	}

	private long account(String username, String role, String dateOfBirth) {
		jdbc.update(
				"insert into account (username, password_hash, full_name, role, date_of_birth, created_at)"
						+ " values (?, '{noop}x', ?, ?, cast(? as date), current_timestamp)",
				username, username, role, dateOfBirth);
		return jdbc.queryForObject("select id from account where username = ?", Long.class, username);
	}

	private long insert(String sql) {
		jdbc.update(sql);
		String table = sql.split("\\s+")[2];
		return jdbc.queryForObject("select max(id) from " + table, Long.class);
	}

}
