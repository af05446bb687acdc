package org.iopscheduler.dose;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.iopscheduler.attendance.Attendance;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.Closures;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.LocationKind;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.enrollment.MakeUpRequest;
import org.iopscheduler.enrollment.MakeUps;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.DomainException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;

/**
 * Programs with everything a week can hold: make-ups, cancellations, a closure, a
 * discharge and an end in mid-week, a plan change in mid-week, a start in mid-week,
 * PRESENT / ABSENT / EXCUSED / LATE / LEFT_EARLY marks, unmarked sessions and sessions
 * still to come, in two time zones. Built at "now" 2026-11-25T12:00Z (Wednesday of
 * 2026-W48), marks from 2026-W40 on, deterministic for a seed.
 */
@TestComponent
public class VariedPrograms {

	public static final IsoWeek FIRST = IsoWeek.parse("2026-W40");

	public static final IsoWeek THIS_WEEK = IsoWeek.parse("2026-W48");

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
	Closures closures;

	@Autowired
	MakeUps makeUps;

	@Autowired
	Attendance attendance;

	private static int sequence;

	private static String unique(String prefix) {
		return prefix + (++sequence) + "v" + Long.toString(System.nanoTime() % 1000000, 36);
	}

	/**
	 * Builds one program in the zone with {@code participants} (at least 8) and returns
	 * its id.
	 */
	public long build(String zone, int participants, long seed) {
		Random random = new Random(seed);
		Account coordinator = people.createStaff(unique("vc"), "password-123", "C", Role.COORDINATOR);
		SignedIn by = SignedIn.of(coordinator, false);
		long counselor = people.createStaff(unique("vk"), "password-123", "K", Role.COUNSELOR).getId();
		Program program = programs.create(unique("Varied "), Population.ADULT, zone, null);
		long monday = block(program, DayOfWeek.MONDAY, 9, 180, counselor);
		long wednesday = block(program, DayOfWeek.WEDNESDAY, 13, 180, counselor);
		long thursday = block(program, DayOfWeek.THURSDAY, 18, 240, counselor);
		long friday = block(program, DayOfWeek.FRIDAY, 10, 120, counselor);
		long sunday = block(program, DayOfWeek.SUNDAY, 6, 60, counselor);
		List<Long> plan = List.of(monday, wednesday, thursday);
		List<Enrollment> enrolled = new ArrayList<>();
		LocalDate start = FIRST.monday();
		for (int i = 0; i < participants; i++) {
			long participant = people.createParticipant(unique("vp"), "password-123", "P", LocalDate.of(1990, 1, 1))
				.getId();
			LocalDate from = switch (i % 8) {
				case 1 -> LocalDate.of(2026, 11, 18); // starts on a Wednesday
				case 2 -> start.plusWeeks(3);
				default -> start;
			};
			LocalDate until = i % 8 == 3 ? LocalDate.of(2026, 11, 26) : null; // ends on a
																				// Thursday
			List<Long> chosen = new ArrayList<>(i % 8 == 4 ? List.of(monday, wednesday, thursday, friday) : plan);
			if (i % 8 == 6) {
				chosen.add(sunday);
			}
			enrolled.add(enrollments.enrol(program.getId(), participant, from, until, chosen));
		}
		// a plan change on a Wednesday, a discharge on a Wednesday
		enrollments.changePlan(enrolled.get(5).getId(), List.of(monday, thursday, friday, sunday),
				LocalDate.of(2026, 11, 11));
		enrollments.discharge(enrolled.get(7).getId(), LocalDate.of(2026, 11, 18), "moved away");
		// the clinic closed on a Wednesday
		closures.close(program.getId(), LocalDate.of(2026, 11, 4), "Heating failure", coordinator.getId());
		List<DatedSession> made = new ArrayList<>();
		for (IsoWeek week = FIRST; week.compareTo(THIS_WEEK.plusWeeks(1)) <= 0; week = week.plusWeeks(1)) {
			made.addAll(sessions.week(program, week));
		}
		// a cancelled Thursday, and a make-up for it on the Saturday
		DatedSession thursday47 = made.stream()
			.filter(s -> s.getDate().equals(LocalDate.of(2026, 11, 19)))
			.findFirst()
			.orElseThrow();
		sessions.cancel(thursday47.getId(), "Counselor ill");
		made.add(makeUps.add(thursday47.getId(),
				new MakeUpRequest(LocalDate.of(2026, 11, 21), LocalTime.of(10, 0), 200, counselor, "Room 2",
						LocationKind.ROOM, "Make-up",
						List.of(enrolled.get(0).getParticipantId(), enrolled.get(3).getParticipantId()))));
		// this week's make-up on Friday: not started yet
		DatedSession monday48 = made.stream()
			.filter(s -> s.getDate().equals(LocalDate.of(2026, 11, 23)))
			.findFirst()
			.orElseThrow();
		makeUps.add(monday48.getId(), new MakeUpRequest(LocalDate.of(2026, 11, 27), LocalTime.of(14, 0), 180, counselor,
				"Room 2", LocationKind.ROOM, "Make-up", List.of(enrolled.get(0).getParticipantId())));
		AttendanceStatus[] statuses = AttendanceStatus.values();
		for (DatedSession session : made) {
			for (Enrollment enrollment : enrolled) {
				if (random.nextInt(10) == 0) {
					continue; // left unmarked
				}
				AttendanceStatus status = random.nextInt(3) == 0 ? statuses[random.nextInt(statuses.length)]
						: AttendanceStatus.PRESENT;
				Integer minutes = status == AttendanceStatus.LATE || status == AttendanceStatus.LEFT_EARLY
						? 1 + random.nextInt(session.getDurationMinutes() - 1) : null;
				try {
					attendance.mark(session.getId(), enrollment.getParticipantId(), status, minutes, null, by);
				}
				catch (DomainException notOnTheRosterOrNotStartedOrCancelled) {
					// the rules of marking decide; the dose reads whatever was marked
				}
			}
		}
		return program.getId();
	}

	private long block(Program program, DayOfWeek day, int hour, int minutes, long counselor) {
		return blocks
			.create(program.getId(),
					new BlockDefinition(BlockType.GROUP, "Group " + day, day, LocalTime.of(hour, 0), minutes, counselor,
							"Room 1", LocationKind.ROOM, 100, null))
			.getId();
	}

}
