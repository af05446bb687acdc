package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The program dose report costs the same few SQL statements for 10 participants or 60: no
 * N+1.
 */
@TestPropertySource(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
class DoseReportWorkTest extends ApplicationTest {

	static final IsoWeek WEEK = IsoWeek.parse("2026-W47");

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
	EntityManagerFactory entityManagerFactory;

	long programWith(int participants) {
		Program program = programs.create(unique("Work "), Population.ADULT, "America/New_York", null);
		List<Long> plan = new ArrayList<>();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
			long counselor = people.createStaff(unique("c"), "password-123", "C", Role.COUNSELOR).getId();
			plan.add(blocks
				.create(program.getId(),
						new BlockDefinition(BlockType.GROUP, "Group", day, LocalTime.of(18, 0), 180, counselor,
								"Room 1", null, 100, null))
				.getId());
		}
		for (int i = 0; i < participants; i++) {
			long participant = people.createParticipant(unique("p"), "password-123", "P", LocalDate.of(1990, 1, 1))
				.getId();
			enrollments.enrol(program.getId(), participant, LocalDate.of(2026, 9, 7), null, plan);
		}
		return program.getId();
	}

	/** Statements of one report, after a first call has made the weeks' sessions. */
	long statementsForReport(long program, int expectedRows) {
		assertThat(reports.program(program, WEEK).participants()).hasSize(expectedRows);
		Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();
		assertThat(reports.program(program, WEEK).participants()).hasSize(expectedRows);
		return statistics.getPrepareStatementCount();
	}

	@Test
	void theProgramReportRunsABoundedNumberOfStatementsWhateverTheNumberOfParticipants() {
		long few = statementsForReport(programWith(10), 10);
		long many = statementsForReport(programWith(60), 60);
		assertThat(many).isEqualTo(few);
		assertThat(many).isLessThanOrEqualTo(10);
	}

}
