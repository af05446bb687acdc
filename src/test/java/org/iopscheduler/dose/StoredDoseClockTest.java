package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.ApplicationTest;
import org.iopscheduler.support.SqlWork;
import org.iopscheduler.support.SqlWork.Cost;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.TriggerTask;

/**
 * The clock keeps the stored weeks: once a session has started, the background job counts
 * the rows it changed again, and the program report reads them as stored, with no recount
 * of its own. Called here with the test's clock, never on a timer.
 */
@Import(SqlWork.class)
class StoredDoseClockTest extends ApplicationTest {

	static final IsoWeek WEEK = IsoWeek.parse("2026-W48");

	/** Wednesday 25 November 2026, 18:30 in New York: the Wednesday group has started. */
	static final Instant WEDNESDAY_EVENING = Instant.parse("2026-11-25T23:30:00Z");

	@Autowired
	People people;

	@Autowired
	Programs programs;

	@Autowired
	Blocks blocks;

	@Autowired
	Enrollments enrollments;

	@Autowired
	DoseReports reports;

	@Autowired
	StoredDoseClock doseClock;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	List<ScheduledTaskHolder> scheduling;

	long program;

	@BeforeEach
	void aNewYorkProgramMeetingMondayWednesdayAndThursdayEvenings() {
		program = programs.create(unique("Clock "), Population.ADULT, "America/New_York", null).getId();
		List<Long> plan = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
			long counselor = people.createStaff(unique("c"), "password-123", "C", Role.COUNSELOR).getId();
			plan.add(blocks
				.create(program,
						new BlockDefinition(BlockType.GROUP, "Group", day, LocalTime.of(18, 0), 180, counselor,
								"Room 1", null, 100, null))
				.getId());
		}
		for (int i = 0; i < 5; i++) {
			long participant = people.createParticipant(unique("p"), "password-123", "P", LocalDate.of(1990, 1, 1))
				.getId();
			enrollments.enrol(program, participant, LocalDate.of(2026, 11, 2), null, plan);
		}
		// the first look makes the week's sessions and counts the rows at noon
		assertThat(reports.program(program, WEEK).participants()).hasSize(5);
	}

	@Test
	void aRowWhoseNextSessionHasStartedIsCountedAgainByTheClock() {
		clock.set(WEDNESDAY_EVENING);
		List<DoseReports.ParticipantDose> beforeTheClock = reports.program(program, WEEK).participants();

		assertThat(doseClock.advance()).isGreaterThanOrEqualTo(5);

		List<Map<String, Object>> rows = jdbc.queryForList(
				"select unmarked_sessions, still_to_come, last_started, next_start from weekly_dose where program_id = ? and week_monday = ?",
				program, WEEK.monday());
		assertThat(rows).hasSize(5).allSatisfy(row -> {
			assertThat(row.get("unmarked_sessions")).isEqualTo(2);
			assertThat(row.get("still_to_come")).isEqualTo(180);
			assertThat(((java.sql.Timestamp) row.get("last_started")).toLocalDateTime())
				.isEqualTo(LocalDateTime.of(2026, 11, 25, 18, 0));
			assertThat(((java.sql.Timestamp) row.get("next_start")).toLocalDateTime())
				.isEqualTo(LocalDateTime.of(2026, 11, 26, 18, 0));
		});
		Cost report = SqlWork
			.measure(() -> assertThat(reports.program(program, WEEK).participants()).isEqualTo(beforeTheClock));
		assertThat(report.sql()).as(report.toString()).noneMatch(sql -> sql.contains("expected_attendance"));
	}

	@Test
	void withoutTheClockAReadCountsAPassedRowItselfAndWritesNothing() {
		clock.set(WEDNESDAY_EVENING);
		Cost report = SqlWork.measure(() -> reports.program(program, WEEK));
		assertThat(report.sql()).as(report.toString()).anyMatch(sql -> sql.contains("expected_attendance"));
		assertThat(jdbc.queryForObject(
				"select max(unmarked_sessions) from weekly_dose where program_id = ? and week_monday = ?",
				Integer.class, program, WEEK.monday()))
			.as("the stored rows are still those of noon")
			.isEqualTo(1);
	}

	@Test
	void theServiceSchedulesTheClock() {
		assertThat(scheduling.stream().flatMap(holder -> holder.getScheduledTasks().stream()))
			.anySatisfy(task -> assertThat(task.getTask()).isInstanceOf(TriggerTask.class));
	}

	@Test
	void theClockLeavesRowsWhoseNextSessionHasNotStarted() {
		doseClock.advance();
		Cost idle = SqlWork.measure(() -> assertThat(doseClock.advance()).isZero());
		assertThat(idle.sql()).as(idle.toString())
			.noneMatch(sql -> sql.contains("for update") || sql.contains("delete"));
	}

}
