package org.iopscheduler.browser;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Data the browser tests stand on, made through the services (the pages under test are
 * not used to set up other pages' tests). Usernames are unique per call; names are what
 * people see.
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

	/**
	 * The evening program of most IOPs: three 3-hour groups a week, 540 minutes, the
	 * adult minimum.
	 */
	record Evening(Program program, Account counselor, WeeklyBlock monday, WeeklyBlock wednesday,
			WeeklyBlock thursday) {

		List<Long> blockIds() {
			return List.of(monday.getId(), wednesday.getId(), thursday.getId());
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
		return programs.create(name, Population.ADULT, ZONE, null);
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

	/**
	 * A full week of an evening program, as it would look in a clinic: groups, concurrent
	 * individual sessions, a family session by video, a weekend group, and eight
	 * participants.
	 */
	record Clinic(Program program, Account lead, Account second, Account third, WeeklyBlock monday,
			WeeklyBlock wednesday, WeeklyBlock saturday, WeeklyBlock thursday, Map<String, Account> participants) {

		Account participant(String name) {
			return participants.get(name);
		}

	}

	static final List<String> CLINIC_PARTICIPANTS = List.of("Avery Chen", "Blake Romero", "Casey Holt", "Drew Patel",
			"Emery Walsh", "Finley Brooks", "Gray Sullivan", "Harper Lin");

	Clinic clinic(String name) {
		Program program = program(name);
		Account dana = counselor("Dana Whitfield");
		Account marcus = counselor("Marcus Reyes");
		Account priya = counselor("Priya Shah");
		WeeklyBlock monday = block(program, BlockType.GROUP, "Process group", DayOfWeek.MONDAY, "18:00", 180, dana,
				"Room 2");
		block(program, BlockType.INDIVIDUAL, "Individual counseling", DayOfWeek.TUESDAY, "17:00", 50, marcus,
				"Office 3");
		block(program, BlockType.INDIVIDUAL, "Individual counseling", DayOfWeek.TUESDAY, "17:00", 50, priya,
				"Office 5");
		block(program, BlockType.FAMILY, "Family session", DayOfWeek.TUESDAY, "18:30", 90, marcus,
				"https://video.example.org/iop-family");
		WeeklyBlock wednesday = block(program, BlockType.GROUP, "Process group", DayOfWeek.WEDNESDAY, "18:00", 180,
				dana, "Room 2");
		WeeklyBlock thursday = block(program, BlockType.PSYCHOEDUCATION, "Relapse prevention", DayOfWeek.THURSDAY,
				"18:00", 120, priya, "Room 4");
		block(program, BlockType.INDIVIDUAL, "Individual counseling", DayOfWeek.THURSDAY, "16:30", 50, dana,
				"Office 3");
		WeeklyBlock saturday = block(program, BlockType.GROUP, "Weekend skills group", DayOfWeek.SATURDAY, "10:00", 180,
				marcus, "Room 2");
		Map<String, Account> participants = new LinkedHashMap<>();
		List<Long> plan = List.of(monday.getId(), wednesday.getId(), saturday.getId());
		for (String participantName : CLINIC_PARTICIPANTS) {
			Account participant = participant(participantName);
			participants.put(participantName, participant);
			// Emery joined mid-week: week 44 is a partial week for them
			LocalDate start = participantName.equals("Emery Walsh") ? MONDAY.minusDays(5) : MONDAY.minusWeeks(4);
			enrol(program, participant, start, plan);
		}
		return new Clinic(program, dana, marcus, priya, monday, wednesday, saturday, thursday, participants);
	}

	/**
	 * Attendance that gives last week (2026-W44) every status a coordinator meets: met,
	 * under-dosed two weeks running (Blake), under-dosed once (Casey), a partial week
	 * (Emery); and this week on track, at risk and unmarked.
	 */
	void attendanceOf(Clinic clinic) {
		Account by = clinic.lead();
		LocalDate lastMonday = MONDAY.minusWeeks(1);
		for (Account p : clinic.participants().values()) {
			String name = p.getFullName();
			if (name.equals("Blake Romero")) {
				week(clinic, p, MONDAY.minusWeeks(3), AttendanceStatus.PRESENT, AttendanceStatus.PRESENT,
						AttendanceStatus.PRESENT);
				week(clinic, p, MONDAY.minusWeeks(2), AttendanceStatus.ABSENT, AttendanceStatus.ABSENT,
						AttendanceStatus.ABSENT);
				week(clinic, p, lastMonday, AttendanceStatus.ABSENT, AttendanceStatus.ABSENT, AttendanceStatus.ABSENT);
			}
			else if (name.equals("Casey Holt")) {
				week(clinic, p, MONDAY.minusWeeks(2), AttendanceStatus.PRESENT, AttendanceStatus.PRESENT,
						AttendanceStatus.PRESENT);
				week(clinic, p, lastMonday, AttendanceStatus.PRESENT, AttendanceStatus.PRESENT,
						AttendanceStatus.ABSENT);
			}
			else if (name.equals("Emery Walsh")) {
				week(clinic, p, lastMonday, null, AttendanceStatus.PRESENT, AttendanceStatus.PRESENT);
			}
			else {
				week(clinic, p, lastMonday, AttendanceStatus.PRESENT, AttendanceStatus.PRESENT,
						AttendanceStatus.PRESENT);
			}
		}
		DatedSession monday = session(clinic.program(), clinic.monday(), MONDAY);
		DatedSession wednesday = session(clinic.program(), clinic.wednesday(), MONDAY.plusDays(2));
		for (Account p : clinic.participants().values()) {
			switch (p.getFullName()) {
				case "Blake Romero" -> {
					mark(monday, p, AttendanceStatus.ABSENT, null, by);
					mark(wednesday, p, AttendanceStatus.ABSENT, null, by);
				}
				case "Casey Holt" -> {
					mark(monday, p, AttendanceStatus.PRESENT, null, by);
					mark(wednesday, p, AttendanceStatus.LATE, 120, by);
				}
				case "Finley Brooks" -> {
					mark(monday, p, AttendanceStatus.EXCUSED, null, by);
					mark(wednesday, p, AttendanceStatus.PRESENT, null, by);
				}
				case "Gray Sullivan" -> mark(monday, p, AttendanceStatus.PRESENT, null, by);
				default -> {
					mark(monday, p, AttendanceStatus.PRESENT, null, by);
					mark(wednesday, p, AttendanceStatus.PRESENT, null, by);
				}
			}
		}
	}

	private void week(Clinic clinic, Account participant, LocalDate monday, AttendanceStatus mon, AttendanceStatus wed,
			AttendanceStatus sat) {
		Account by = clinic.lead();
		if (mon != null) {
			mark(session(clinic.program(), clinic.monday(), monday), participant, mon, null, by);
		}
		mark(session(clinic.program(), clinic.wednesday(), monday.plusDays(2)), participant, wed, null, by);
		mark(session(clinic.program(), clinic.saturday(), monday.plusDays(5)), participant, sat, null, clinic.second());
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
