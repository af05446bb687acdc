package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import org.iopscheduler.IopSchedulerApplication;
import org.iopscheduler.attendance.Attendance;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.calendar.BlockChange;
import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.Closure;
import org.iopscheduler.calendar.Closures;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.enrollment.MakeUpRequest;
import org.iopscheduler.enrollment.MakeUps;
import org.iopscheduler.enrollment.PlanStretch;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.ApplicationTest;
import org.iopscheduler.support.MutableClock;
import org.iopscheduler.system.DomainException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stored weekly dose is exactly a recount from the raw tables, whatever happened:
 * random sequences of every change a dose is counted from (marks and corrections,
 * cancellations and reinstatements, closures and their undo, block changes and ends from
 * a date, plan changes and their undo, discharges, late enrolments, make-ups, weeks of
 * sessions made) and of clock moves (across session starts, onto a start to the second,
 * across week ends, and back) and the clock's own recount of the rows it passed
 * ({@link StoredDoseClock#advance}), each through the service as a request would call it.
 * After every step {@link StoredDoses#verify} finds no difference between the stored rows
 * and the reports' own statement. A refused change is a step too: it must leave nothing
 * behind.
 */
class StoredDoseMatchesRecountPropertyTest {

	static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 9);

	static final int DAYS = 28;

	static final Instant START = Instant.parse("2026-11-18T12:00:00Z");

	static final AtomicInteger SEQUENCE = new AtomicInteger();

	static ConfigurableApplicationContext context;

	enum Kind {

		MARK, CORRECT, CANCEL, REINSTATE, CLOSE, REOPEN, BLOCK_CHANGE, BLOCK_END, PLAN_CHANGE, UNDO_PLAN_CHANGE,
		DISCHARGE, MAKE_UP, CLOCK, CLOCK_TO_A_START, CLOCK_KEEPS_THE_ROWS, MAKE_WEEK, ENROL

	}

	record Action(Kind kind, int a, int b, int c) {
	}

	@Provide
	Arbitrary<List<Action>> actions() {
		Arbitrary<Kind> kinds = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, Arbitraries.just(Kind.MARK)),
				net.jqwik.api.Tuple.of(3, Arbitraries.just(Kind.CORRECT)),
				net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CANCEL)),
				net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.REINSTATE)),
				net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CLOSE)),
				net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.REOPEN)),
				net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.BLOCK_CHANGE)),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.BLOCK_END)),
				net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.PLAN_CHANGE)),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.UNDO_PLAN_CHANGE)),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.DISCHARGE)),
				net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.MAKE_UP)),
				net.jqwik.api.Tuple.of(4, Arbitraries.just(Kind.CLOCK)),
				net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CLOCK_TO_A_START)),
				net.jqwik.api.Tuple.of(2, Arbitraries.just(Kind.CLOCK_KEEPS_THE_ROWS)),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.MAKE_WEEK)),
				net.jqwik.api.Tuple.of(1, Arbitraries.just(Kind.ENROL)));
		Arbitrary<Integer> n = Arbitraries.integers().between(0, 10_000);
		return Combinators.combine(kinds, n, n, n).as(Action::new).list().ofMinSize(5).ofMaxSize(20);
	}

	@Provide
	Arbitrary<String> zones() {
		return Arbitraries.of("America/New_York", "Europe/London", "Australia/Sydney", "UTC");
	}

	@Property(tries = 30)
	void storedWeeksEqualARecountAfterEveryChangeAndEveryTick(@ForAll("zones") String zone,
			@ForAll("actions") List<Action> actions) {
		Clinic clinic = new Clinic(zone);
		clinic.expectExact("set up");
		for (Action action : actions) {
			clinic.apply(action);
			clinic.expectExact(action.toString());
		}
	}

	@AfterContainer
	static void closeTheContext() {
		if (context != null) {
			context.close();
			context = null;
		}
	}

	static synchronized ConfigurableApplicationContext context() {
		if (context == null) {
			context = new SpringApplicationBuilder(IopSchedulerApplication.class, ApplicationTest.TestClock.class)
				.web(WebApplicationType.NONE)
				.run();
		}
		return context;
	}

	/**
	 * One program of this try, with its counselors, four blocks and enrolled
	 * participants.
	 */
	static final class Clinic {

		final ConfigurableApplicationContext spring = context();

		final MutableClock clock = spring.getBean(MutableClock.class);

		final StoredDoses stored = spring.getBean(StoredDoses.class);

		final StoredDoseClock doseClock = spring.getBean(StoredDoseClock.class);

		final Sessions sessions = spring.getBean(Sessions.class);

		final Closures closures = spring.getBean(Closures.class);

		final Blocks blocks = spring.getBean(Blocks.class);

		final Enrollments enrollments = spring.getBean(Enrollments.class);

		final MakeUps makeUps = spring.getBean(MakeUps.class);

		final Attendance attendance = spring.getBean(Attendance.class);

		final Rosters rosters = spring.getBean(Rosters.class);

		final SessionMaker maker = spring.getBean(SessionMaker.class);

		final People people = spring.getBean(People.class);

		final ZoneId zone;

		final long programId;

		final long counselor;

		final long otherCounselor;

		final SignedIn coordinator;

		final List<Long> blockIds = new ArrayList<>();

		final List<Long> participants = new ArrayList<>();

		final List<Long> enrollmentIds = new ArrayList<>();

		LocalDate madeUntil = FIRST_DAY.plusDays(DAYS - 1);

		Clinic(String zone) {
			this.zone = ZoneId.of(zone);
			clock.set(START);
			int n = SEQUENCE.incrementAndGet();
			programId = spring.getBean(Programs.class)
				.create("Dose property " + n, Population.ADULT, zone, null)
				.getId();
			counselor = people.createStaff("dose-c" + n, "password-123", "C " + n, Role.COUNSELOR).getId();
			otherCounselor = people.createStaff("dose-d" + n, "password-123", "D " + n, Role.COUNSELOR).getId();
			coordinator = SignedIn.of(people.createStaff("dose-k" + n, "password-123", "K " + n, Role.COORDINATOR),
					false);
			block(DayOfWeek.MONDAY, LocalTime.of(18, 0));
			block(DayOfWeek.WEDNESDAY, LocalTime.of(18, 0));
			block(DayOfWeek.THURSDAY, LocalTime.of(12, 0));
			block(DayOfWeek.SATURDAY, LocalTime.of(10, 0));
			for (int i = 0; i < 3; i++) {
				long participant = participant(n, i);
				enrollmentIds.add(
						enrollments
							.enrol(programId, participant, FIRST_DAY.plusDays(i), null,
									blockIds.subList(i == 2 ? 1 : 0, 3 + (i == 2 ? 1 : 0)))
							.getId());
			}
			maker.ensure(programId, FIRST_DAY, madeUntil);
		}

		private void block(DayOfWeek day, LocalTime start) {
			blockIds.add(
					blocks
						.create(programId,
								new BlockDefinition(BlockType.GROUP, "Group " + day, day, start, 180, counselor,
										"Room 1", null, null, FIRST_DAY.minusWeeks(1)))
						.getId());
		}

		private long participant(int n, int i) {
			long id = people
				.createParticipant("dose-p" + n + "-" + i, "password-123", "P " + n + " " + i, LocalDate.of(1990, 1, 1))
				.getId();
			participants.add(id);
			return id;
		}

		void expectExact(String after) {
			StoredDoses.Verification verification = stored.verify(clock.instant());
			// this try's enrollments only: a failed try (and jqwik's shrinking) leaves
			// its
			// rows behind in the one database
			List<String> mine = verification.differences()
				.stream()
				.filter(d -> enrollmentIds.stream().anyMatch(id -> d.startsWith("Key[enrollmentId=" + id + ",")))
				.toList();
			assertThat(mine).as("after " + after + " at " + clock.instant()).isEmpty();
		}

		List<DatedSession> sessions() {
			List<DatedSession> all = new ArrayList<>(
					sessions.inProgram(programId, FIRST_DAY.minusWeeks(1), madeUntil.plusWeeks(60)));
			all.sort(Comparator.comparing(DatedSession::getId));
			return all;
		}

		LocalDate day(int n) {
			return FIRST_DAY.plusDays(n % DAYS);
		}

		void apply(Action action) {
			try {
				run(action);
			}
			catch (DomainException refused) {
				// refused as the service refuses it: nothing may have changed
			}
		}

		private void run(Action action) {
			List<DatedSession> all = sessions();
			int a = action.a();
			int b = action.b();
			int c = action.c();
			switch (action.kind()) {
				case MARK, CORRECT -> {
					List<DatedSession> started = all.stream()
						.filter(s -> !s.isCancelled() && s.hasStartedAt(clock.instant(), zone))
						.toList();
					if (started.isEmpty()) {
						return;
					}
					DatedSession session = started.get(a % started.size());
					List<Long> roster = rosters.of(session);
					if (roster.isEmpty()) {
						return;
					}
					AttendanceStatus status = AttendanceStatus.values()[c % AttendanceStatus.values().length];
					Integer minutes = status == AttendanceStatus.LATE || status == AttendanceStatus.LEFT_EARLY
							? 1 + c % (session.getDurationMinutes() - 1) : null;
					attendance.mark(session.getId(), roster.get(b % roster.size()), status, minutes, null, coordinator);
				}
				case CANCEL -> sessions.cancel(all.get(a % all.size()).getId(), "property");
				case REINSTATE -> {
					List<DatedSession> cancelled = all.stream().filter(DatedSession::isCancelled).toList();
					if (!cancelled.isEmpty()) {
						sessions.reinstate(cancelled.get(a % cancelled.size()).getId());
					}
				}
				case CLOSE -> closures.close(programId, day(a), "property", coordinator.id());
				case REOPEN -> {
					List<Closure> closed = closures.ofProgram(programId);
					if (!closed.isEmpty()) {
						closures.reopen(programId, closed.get(a % closed.size()).getId());
					}
				}
				case BLOCK_CHANGE -> blocks.change(blockIds.get(a % blockIds.size()),
						new BlockChange(day(b), c % 3 == 0 ? DayOfWeek.of(1 + c % 7) : null,
								LocalTime.of(8, 0).plusMinutes(30L * (c % 24)), c % 2 == 0 ? 120 + c % 120 : null, null,
								null, null, null, null));
				case BLOCK_END -> blocks.end(blockIds.get(a % blockIds.size()), day(b));
				case PLAN_CHANGE -> {
					Set<Long> plan = new TreeSet<>(blockIds);
					if (c % 5 < 4) {
						plan.remove(blockIds.get(c % 5));
					}
					enrollments.changePlan(enrollmentIds.get(b % enrollmentIds.size()), List.copyOf(plan), day(a));
				}
				case UNDO_PLAN_CHANGE -> {
					long enrollmentId = enrollmentIds.get(b % enrollmentIds.size());
					Enrollment enrollment = enrollments.get(enrollmentId);
					List<LocalDate> changes = enrollment.timeline()
						.stream()
						.map(PlanStretch::from)
						.filter(from -> from.isAfter(enrollment.getStartDate()))
						.toList();
					if (!changes.isEmpty()) {
						enrollments.undoPlanChange(enrollmentId, changes.get(a % changes.size()), unchecked -> {
						});
					}
				}
				case DISCHARGE ->
					enrollments.discharge(enrollmentIds.get(b % enrollmentIds.size()), day(a), "property");
				case MAKE_UP -> {
					DatedSession missed = all.get(a % all.size());
					List<Long> roster = rosters.of(missed);
					if (roster.isEmpty()) {
						return;
					}
					makeUps.add(missed.getId(),
							new MakeUpRequest(day(b), LocalTime.of(7, 0).plusMinutes(30L * (c % 28)), 60 + c % 120,
									c % 2 == 0 ? otherCounselor : counselor, "Room 2", null, null,
									List.of(roster.get(c % roster.size()))));
				}
				case CLOCK -> clock.advance(Duration.ofMinutes(1 + (a % 3) * 1000L + b % 1000));
				case CLOCK_TO_A_START -> {
					// onto a start to the second, a second before it, or back a day
					Instant start = all.get(a % all.size()).startsAt(zone).toInstant();
					clock.set(switch (c % 3) {
						case 0 -> start;
						case 1 -> start.minusSeconds(1);
						default -> start.minus(Duration.ofDays(1));
					});
				}
				case CLOCK_KEEPS_THE_ROWS -> doseClock.advance();
				case MAKE_WEEK -> {
					LocalDate next = madeUntil.plusDays(1);
					madeUntil = madeUntil.plusWeeks(1);
					maker.ensure(programId, next, madeUntil);
				}
				case ENROL -> {
					if (participants.size() < 5) {
						long participant = participant(SEQUENCE.incrementAndGet(), participants.size());
						enrollmentIds.add(
								enrollments
									.enrol(programId, participant, day(a), null,
											List.of(blockIds.get(0), blockIds.get(1), blockIds.get(2)))
									.getId());
					}
				}
			}
		}

	}

}
