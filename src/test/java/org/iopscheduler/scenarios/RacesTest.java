package org.iopscheduler.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.iopscheduler.attendance.Attendance;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.attendance.internal.AttendanceChangeRepository;
import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.ApplicationTest;
import org.iopscheduler.system.Conflict;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.Test;

/**
 * Rules that span rows hold when requests race: each scenario starts its requests
 * together on separate threads (separate transactions and connections) and counts the
 * outcomes.
 */
class RacesTest extends ApplicationTest {

	@Autowired
	People people;

	@Autowired
	Programs programs;

	@Autowired
	Blocks blocks;

	@Autowired
	Enrollments enrollments;

	@Autowired
	Sessions sessions;

	@Autowired
	Attendance attendance;

	@Autowired
	AttendanceChangeRepository changes;

	record Outcomes(int succeeded, int conflicts, List<Throwable> other) {
	}

	static Outcomes race(List<Callable<?>> requests) throws InterruptedException {
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (Callable<?> request : requests) {
			futures.add(pool.submit(() -> {
				start.await();
				return request.call();
			}));
		}
		start.countDown();
		int ok = 0;
		int conflicts = 0;
		List<Throwable> other = new ArrayList<>();
		for (Future<?> future : futures) {
			try {
				future.get();
				ok++;
			}
			catch (java.util.concurrent.ExecutionException e) {
				if (e.getCause() instanceof Conflict) {
					conflicts++;
				}
				else {
					other.add(e.getCause());
				}
			}
		}
		pool.shutdown();
		return new Outcomes(ok, conflicts, other);
	}

	Account newCounselor() {
		return people.createStaff(unique("c"), "password-123", "Counselor", Role.COUNSELOR);
	}

	long block(Program program, Account counselor, DayOfWeek day, int minutes, Integer capacity) {
		return blocks
			.create(program.getId(),
					new BlockDefinition(BlockType.GROUP, "Group", day, LocalTime.of(9, 0), minutes, counselor.getId(),
							"Room 1", null, capacity, null))
			.getId();
	}

	@Test
	void theLastPlacesOfAGroupAreTakenExactlyOnce() throws Exception {
		Program program = programs.create(unique("P"), Population.ADULT, "America/New_York", null);
		long group = block(program, newCounselor(), DayOfWeek.MONDAY, 540, 5);
		List<Callable<?>> requests = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			long participant = people.createParticipant(unique("p"), "password-123", "P", LocalDate.of(1990, 1, 1))
				.getId();
			requests.add(() -> enrollments.enrol(program.getId(), participant, LocalDate.of(2026, 11, 2), null,
					List.of(group)));
		}
		Outcomes outcomes = race(requests);
		assertThat(outcomes.other()).isEmpty();
		assertThat(outcomes.succeeded()).isEqualTo(5);
		assertThat(outcomes.conflicts()).isEqualTo(7);
	}

	@Test
	void aCounselorBookedFromManyRequestsAtOnceGetsOneBlock() throws Exception {
		Account counselor = newCounselor();
		List<Callable<?>> requests = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Program program = programs.create(unique("P"), Population.ADULT, "America/New_York", null);
			requests.add(() -> block(program, counselor, DayOfWeek.TUESDAY, 180, null));
		}
		Outcomes outcomes = race(requests);
		assertThat(outcomes.other()).isEmpty();
		assertThat(outcomes.succeeded()).isEqualTo(1);
		assertThat(outcomes.conflicts()).isEqualTo(5);
	}

	@Test
	void oneParticipantEnrolledFromTwoRequestsAtOnceGetsOneEnrollment() throws Exception {
		Program program = programs.create(unique("P"), Population.ADULT, "America/New_York", null);
		long group = block(program, newCounselor(), DayOfWeek.WEDNESDAY, 540, null);
		long participant = people.createParticipant(unique("p"), "password-123", "P", LocalDate.of(1990, 1, 1)).getId();
		List<Callable<?>> requests = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			requests.add(() -> enrollments.enrol(program.getId(), participant, LocalDate.of(2026, 11, 2), null,
					List.of(group)));
		}
		Outcomes outcomes = race(requests);
		assertThat(outcomes.other()).isEmpty();
		assertThat(outcomes.succeeded()).isEqualTo(1);
	}

	@Test
	void marksRacingOnOneSheetAreAllKeptInTheHistory() throws Exception {
		Program program = programs.create(unique("P"), Population.ADULT, "America/New_York", null);
		Account counselor = newCounselor();
		long group = block(program, counselor, DayOfWeek.MONDAY, 540, 20);
		List<Long> participants = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			long participant = people.createParticipant(unique("p"), "password-123", "P", LocalDate.of(1990, 1, 1))
				.getId();
			enrollments.enrol(program.getId(), participant, LocalDate.of(2026, 11, 2), null, List.of(group));
			participants.add(participant);
		}
		DatedSession session = sessions.week(program, IsoWeek.parse("2026-W47")).get(0);
		SignedIn by = SignedIn.of(counselor, false);
		List<Callable<?>> requests = new ArrayList<>();
		AttendanceStatus[] statuses = { AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED };
		for (int i = 0; i < 24; i++) {
			long participant = participants.get(i % participants.size());
			AttendanceStatus status = statuses[i % statuses.length];
			requests.add(() -> attendance.mark(session.getId(), participant, status, null, null, by));
		}
		Outcomes outcomes = race(requests);
		assertThat(outcomes.other()).isEmpty();
		assertThat(outcomes.succeeded()).isEqualTo(24);
		var history = changes.findBySessionIdOrderByChangedAtAscIdAsc(session.getId());
		var sheet = attendance.ofSession(session.getId());
		assertThat(sheet).hasSize(4);
		for (var mark : sheet) {
			var mine = history.stream().filter(c -> c.getParticipantId().equals(mark.getParticipantId())).toList();
			// the history is a chain: each change starts where the one before ended, and
			// ends at the current mark
			assertThat(mine.get(0).getOldStatus()).isNull();
			for (int i = 1; i < mine.size(); i++) {
				assertThat(mine.get(i).getOldStatus()).isEqualTo(mine.get(i - 1).getNewStatus());
			}
			assertThat(mine.get(mine.size() - 1).getNewStatus()).isEqualTo(mark.getStatus());
		}
	}

	@Test
	void aMarkRacingWithAPlanChangeThatDropsItsSessionNeverLeavesAttendanceOffTheRoster() throws Exception {
		// what was attended is history: either the mark lands and the change is refused,
		// or the other way
		Program program = programs.create(unique("P"), Population.ADULT, "America/New_York", null);
		Account counselor = newCounselor();
		long monday = block(program, counselor, DayOfWeek.MONDAY, 180, null);
		long tuesday = block(program, counselor, DayOfWeek.TUESDAY, 180, null);
		long thursday = block(program, counselor, DayOfWeek.THURSDAY, 180, null);
		long friday = block(program, counselor, DayOfWeek.FRIDAY, 180, null);
		DatedSession thursdaySession = sessions.week(program, IsoWeek.parse("2026-W47"))
			.stream()
			.filter(s -> s.getBlockId() == thursday)
			.findFirst()
			.orElseThrow();
		SignedIn by = SignedIn.of(counselor, false);
		for (int round = 0; round < 6; round++) {
			long participant = people.createParticipant(unique("p"), "password-123", "P", LocalDate.of(1990, 1, 1))
				.getId();
			long enrollment = enrollments
				.enrol(program.getId(), participant, LocalDate.of(2026, 11, 16), null,
						List.of(monday, tuesday, thursday))
				.getId();
			ExecutorService pool = Executors.newFixedThreadPool(2);
			CountDownLatch start = new CountDownLatch(1);
			Future<?> mark = pool.submit(() -> {
				start.await();
				return attendance.mark(thursdaySession.getId(), participant, AttendanceStatus.PRESENT, null, null, by);
			});
			Future<?> change = pool.submit(() -> {
				start.await();
				return enrollments.changePlan(enrollment, List.of(monday, tuesday, friday), LocalDate.of(2026, 11, 16));
			});
			start.countDown();
			boolean marked = succeeded(mark, org.iopscheduler.system.NotFound.class);
			boolean changed = succeeded(change, org.iopscheduler.system.RuleViolation.class);
			pool.shutdown();
			assertThat(marked ^ changed).as("exactly one of the mark and the plan change wins, round " + round)
				.isTrue();
			boolean onRoster = enrollments.get(enrollment).blocksOn(thursdaySession.getDate()).contains(thursday);
			assertThat(onRoster).isEqualTo(marked);
		}
	}

	/**
	 * Whether the task succeeded; fails the test unless it failed with the one refusal
	 * expected.
	 */
	static boolean succeeded(Future<?> task, Class<? extends Throwable> refusal) throws InterruptedException {
		try {
			task.get();
			return true;
		}
		catch (java.util.concurrent.ExecutionException e) {
			assertThat(e.getCause()).isInstanceOf(refusal);
			return false;
		}
	}

}
