package org.iopscheduler.browser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.iopscheduler.attendance.Attendance;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;

/**
 * Data the browser tests stand on, made through the services (the pages under test are not
 * used to set up other pages' tests). Usernames are unique per call; names are what people see.
 */
class PageFixtures {

	static final String PASSWORD = "correct-horse-7";

	static final String ZONE = "America/New_York";

	/** The week the still clock stands in: Monday 2 to Sunday 8 November 2026. */
	static final IsoWeek WEEK = IsoWeek.parse("2026-W45");

	static final LocalDate MONDAY = WEEK.monday();

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final People people;

	private final Programs programs;

	private final Blocks blocks;

	private final Sessions sessions;

	private final Enrollments enrollments;

	private final Attendance attendance;

	PageFixtures(People people, Programs programs, Blocks blocks, Sessions sessions, Enrollments enrollments,
			Attendance attendance) {
		this.people = people;
		this.programs = programs;
		this.blocks = blocks;
		this.sessions = sessions;
		this.enrollments = enrollments;
		this.attendance = attendance;
	}

	/** The evening program of most IOPs: three 3-hour groups a week, 540 minutes, the adult minimum. */
	record Evening(Program program, Account counselor, WeeklyBlock monday, WeeklyBlock wednesday,
			WeeklyBlock thursday) {

		List<Long> blockIds() {
			// a mutable list: Enrollments asks it whether it holds null, which List.of answers by throwing
			return new java.util.ArrayList<>(List.of(monday.getId(), wednesday.getId(), thursday.getId()));
		}

	}

	static String unique(String base) {
		return base + "." + SEQUENCE.incrementAndGet();
	}

	Account coordinator(String fullName) {
		return people.createStaff(unique("coord"), PASSWORD, fullName, Role.COORDINATOR);
	}

	Account counselor(String fullName) {
		return people.createStaff(unique("counselor"), PASSWORD, fullName, Role.COUNSELOR);
	}

	Account participant(String fullName) {
		return people.createParticipant(unique("participant"), PASSWORD, fullName, LocalDate.of(1988, 5, 14));
	}

	Program program(String name) {
		return programs.create(name + " " + SEQUENCE.incrementAndGet(), Population.ADULT, ZONE, null);
	}

	WeeklyBlock block(Program program, BlockType type, String title, DayOfWeek day, String start, int minutes,
			Account counselor, String location) {
		return blocks.create(program.getId(), new BlockDefinition(type, title, day, LocalTime.parse(start), minutes,
				counselor.getId(), location, null, null, MONDAY.minusWeeks(8)));
	}

	Evening evening(String name, Account counselor) {
		Program program = program(name);
		return new Evening(program, counselor,
				block(program, BlockType.GROUP, "Process group", DayOfWeek.MONDAY, "18:00", 180, counselor, "Room 2"),
				block(program, BlockType.GROUP, "Process group", DayOfWeek.WEDNESDAY, "18:00", 180, counselor,
						"Room 2"),
				block(program, BlockType.PSYCHOEDUCATION, "Relapse prevention", DayOfWeek.THURSDAY, "18:00", 180,
						counselor, "Room 4"));
	}

	void enrol(Program program, Account participant, LocalDate start, List<Long> blockIds) {
		enrollments.enrol(program.getId(), participant.getId(), start, null, blockIds);
	}

	DatedSession session(Program program, WeeklyBlock block, LocalDate date) {
		return sessions.week(program, IsoWeek.of(date))
			.stream()
			.filter(s -> block.getId().equals(s.getBlockId()) && s.getDate().equals(date))
			.findFirst()
			.orElseThrow();
	}

	void mark(DatedSession session, Account participant, AttendanceStatus status, Integer minutes, Account by) {
		attendance.mark(session.getId(), participant.getId(), status, minutes, null, SignedIn.of(by, false));
	}

	AttendanceStatus markOf(DatedSession session, Account participant) {
		return attendance.ofSession(session.getId())
			.stream()
			.filter(m -> m.getParticipantId().equals(participant.getId()))
			.map(m -> m.getStatus())
			.findFirst()
			.orElse(null);
	}

	Integer minutesOf(DatedSession session, Account participant) {
		return attendance.ofSession(session.getId())
			.stream()
			.filter(m -> m.getParticipantId().equals(participant.getId()))
			.map(m -> m.getMinutesAttended())
			.findFirst()
			.orElse(null);
	}

}
