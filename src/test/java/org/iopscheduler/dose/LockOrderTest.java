package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iopscheduler.calendar.BlockChange;
import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.ApplicationTest;
import org.iopscheduler.support.SqlWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Two writes never wait on each other in a circle: each takes its row locks in the one
 * order (a participant's account, blocks, a counselor's account, sessions, marks,
 * enrollments; see Enrollments.holdInLockOrder), so enrollments, which the stored weeks'
 * recount locks, come last in every write. Checked on the locking statements each write
 * sends, in the order sent (two racing threads would need timing). A write locking rows
 * of a table it locked before locks rows it already holds, or more rows of that kind in
 * id order.
 */
@Import(SqlWork.class)
class LockOrderTest extends ApplicationTest {

	private static final Pattern LOCKED_TABLE = Pattern.compile("\\bfrom (\\w+)");

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
	Sessions sessions;

	long program;

	long counselor;

	List<Long> plan = new ArrayList<>();

	long enrollment;

	@BeforeEach
	void aProgramWithThreeBlocksAndOneEnrolledParticipant() {
		program = programs.create(unique("Locks "), Population.ADULT, "America/Chicago", null).getId();
		counselor = people.createStaff(unique("c"), "password-123", "C", Role.COUNSELOR).getId();
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.SATURDAY)) {
			plan.add(blocks
				.create(program,
						new BlockDefinition(BlockType.GROUP, "Group", day, LocalTime.of(10, 0), 180, counselor,
								"Room 1", null, 12, null))
				.getId());
		}
		long participant = people.createParticipant(unique("p"), "password-123", "P", LocalDate.of(1990, 1, 1)).getId();
		enrollment = enrollments.enrol(program, participant, LocalDate.of(2026, 11, 2), null, plan.subList(0, 3))
			.getId();
		maker.ensure(program, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 27));
	}

	@Test
	void aPlanChangeLocksTheParticipantThenTheBlocksThenTheEnrollment() {
		assertThat(locks(() -> enrollments.changePlan(enrollment, plan.subList(1, 4), LocalDate.of(2026, 12, 7))))
			.containsExactly("account", "weekly_block", "enrollment");
	}

	@Test
	void undoingAPlanChangeLocksTheParticipantThenTheBlocksThenTheEnrollment() {
		enrollments.changePlan(enrollment, plan.subList(1, 4), LocalDate.of(2026, 12, 7));
		assertThat(locks(() -> enrollments.undoPlanChange(enrollment, LocalDate.of(2026, 12, 7), unchecked -> {
		}))).containsExactly("account", "weekly_block", "enrollment");
	}

	@Test
	void aDischargeLocksTheParticipantThenTheEnrollment() {
		assertThat(locks(() -> enrollments.discharge(enrollment, LocalDate.of(2026, 12, 20), "done")))
			.containsExactly("account", "enrollment");
	}

	@Test
	void aBlockChangeLocksTheBlockThenItsCounselorThenItsSessionsThenTheEnrollments() {
		assertThat(
				locks(() -> blocks.change(plan.get(0),
						new BlockChange(LocalDate.of(2026, 12, 7), null, LocalTime.of(11, 0), null, null, null, null,
								null, null))))
			.containsExactly("weekly_block", "account", "dated_session", "enrollment");
	}

	@Test
	void aCancellationLocksTheSessionThenTheEnrollments() {
		long session = sessions.inProgram(program, LocalDate.of(2026, 12, 7), LocalDate.of(2026, 12, 7)).get(0).getId();
		assertThat(locks(() -> sessions.cancel(session, "snow"))).containsExactly("dated_session", "enrollment");
	}

	/**
	 * The tables in the order the write first locks rows of each (locking again a row it
	 * holds, as the places check and the recount do, never waits).
	 */
	static List<String> locks(Runnable write) {
		List<String> tables = new ArrayList<>();
		for (String sql : SqlWork.measure(write).sql()) {
			String lower = sql.toLowerCase(Locale.ROOT);
			if (!lower.contains(" for update") && !lower.contains(" for no key update")) {
				continue;
			}
			Matcher table = LOCKED_TABLE.matcher(lower);
			if (table.find() && !tables.contains(table.group(1))) {
				tables.add(table.group(1));
			}
		}
		return tables;
	}

}
