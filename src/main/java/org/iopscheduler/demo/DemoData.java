package org.iopscheduler.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.iopscheduler.attendance.Attendance;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.contact.Consents;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo data (IOP_DEMO_DATA=true, or the demo profile): an adult evening IOP and an
 * adolescent after-school IOP, their counselors, rooms and a dozen participants with
 * three weeks of attendance. Loaded through the same services as real data, so every rule
 * holds; only on a database without programs, and before the web server opens. The
 * setting is read at run time, not by {@code @ConditionalOnProperty}: the packaged
 * service's bean graph is fixed when the jar is built (Spring AOT), and it must still
 * honour {@code IOP_DEMO_DATA} and the demo profile given when it starts.
 */
@Slf4j
@Component
@Order(10)
@RequiredArgsConstructor
public class DemoData implements SmartInitializingSingleton {

	public static final String PASSWORD = "demo-password";

	private final People people;

	private final Programs programs;

	private final Blocks blocks;

	private final Sessions sessions;

	private final Enrollments enrollments;

	private final Rosters rosters;

	private final Attendance attendance;

	private final ClinicCalendar calendar;

	private final Environment environment;

	private final Consents consents;

	@Override
	public void afterSingletonsInstantiated() {
		if (!environment.getProperty("iop.demo-data", Boolean.class, false)) {
			return;
		}
		if (!programs.all().isEmpty() || people.exists("coordinator")) {
			return;
		}
		Account coordinator = people.createStaff("coordinator", PASSWORD, "Morgan Lee", Role.COORDINATOR);
		Account dana = counselor("dana", "Dana Whitfield, LCSW");
		Account marcus = counselor("marcus", "Marcus Ortega, LADC");
		Account priya = counselor("priya", "Priya Raman, LMFT");
		Account sam = counselor("sam", "Sam Okafor, LPC");

		Program adults = programs.create("Adult Evening IOP", Population.ADULT, "America/New_York", null);
		long process = block(adults, BlockType.GROUP, "Process group", DayOfWeek.MONDAY, "18:00", 180, dana, "Room 2");
		long skills = block(adults, BlockType.GROUP, "Relapse prevention skills", DayOfWeek.WEDNESDAY, "18:00", 180,
				marcus, "Room 2");
		long recovery = block(adults, BlockType.PSYCHOEDUCATION, "Recovery education", DayOfWeek.THURSDAY, "18:00", 180,
				dana, "Room 3");
		long individual = block(adults, BlockType.INDIVIDUAL, "Individual counselling", DayOfWeek.TUESDAY, "17:00", 60,
				marcus, "Office 4");
		long family = block(adults, BlockType.FAMILY, "Family session", DayOfWeek.SATURDAY, "10:00", 90, priya,
				"https://video.example.org/iop-family");

		Program teens = programs.create("Adolescent After-School IOP", Population.ADOLESCENT, "America/Chicago", null);
		long teenGroup = block(teens, BlockType.GROUP, "Teen group", DayOfWeek.MONDAY, "15:30", 120, sam, "Room 5");
		long teenSkills = block(teens, BlockType.GROUP, "Coping skills", DayOfWeek.WEDNESDAY, "15:30", 120, sam,
				"Room 5");
		long teenEducation = block(teens, BlockType.PSYCHOEDUCATION, "Substance education", DayOfWeek.FRIDAY, "15:30",
				120, priya, "Room 6");
		long teenFamily = block(teens, BlockType.FAMILY, "Family check-in", DayOfWeek.TUESDAY, "16:00", 60, priya,
				"https://video.example.org/teen-family");

		LocalDate start = calendar.thisWeek(adults).monday().minusWeeks(3);
		String[] adultNames = { "Alex Carter", "Jordan Miles", "Taylor Brooks", "Casey Nguyen", "Riley Adams",
				"Jamie Flores", "Avery Patel", "Quinn Harper" };
		List<Account> adultParticipants = new ArrayList<>();
		for (int i = 0; i < adultNames.length; i++) {
			Account p = participant(adultNames[i], LocalDate.of(1975 + i * 3, 1 + i, 10 + i));
			List<Long> plan = new ArrayList<>(List.of(process, skills, recovery));
			if (i == 0) {
				plan.add(individual);
			}
			if (i == 1) {
				plan.add(family);
			}
			enrollments.enrol(adults.getId(), p.getId(), start.plusDays(i == 7 ? 9 : 0), null, plan);
			adultParticipants.add(p);
		}
		String[] teenNames = { "Sky Morgan", "Rowan Ellis", "Emery Cruz", "Finley Shaw" };
		for (int i = 0; i < teenNames.length; i++) {
			Account p = participant(teenNames[i], LocalDate.of(2010 + i % 2, 3 + i, 5 + i));
			List<Long> plan = new ArrayList<>(List.of(teenGroup, teenSkills, teenEducation));
			if (i == 0) {
				plan.add(teenFamily);
			}
			enrollments.enrol(teens.getId(), p.getId(), start, null, plan);
		}

		SignedIn by = SignedIn.of(coordinator, false);
		markPastWeeks(adults, start, by);
		markPastWeeks(teens, start, by);
		log.info("Demo data loaded. Sign in with password '{}' as: coordinator; counselors dana, marcus, priya, sam; "
				+ "participants alex.carter, jordan.miles, ... (first.last, lower case)", PASSWORD);
	}

	/**
	 * Three weeks of realistic attendance: mostly present, some late, an excused and a
	 * plain absence.
	 */
	private void markPastWeeks(Program program, LocalDate start, SignedIn by) {
		IsoWeek current = calendar.thisWeek(program);
		int n = 0;
		for (IsoWeek week = IsoWeek.of(start); week.compareTo(current) <= 0; week = week.plusWeeks(1)) {
			List<DatedSession> made = sessions.week(program, week);
			var roster = rosters.of(made);
			for (DatedSession session : made) {
				if (!session.hasStartedAt(calendar.now(), program.zone()) || week.equals(current) && n % 3 == 0) {
					continue;
				}
				for (Long participant : roster.get(session.getId())) {
					n++;
					AttendanceStatus status = n % 11 == 0 ? AttendanceStatus.ABSENT : n % 13 == 0
							? AttendanceStatus.EXCUSED : n % 7 == 0 ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
					Integer minutes = status == AttendanceStatus.LATE ? session.getDurationMinutes() - 25 : null;
					attendance.mark(session.getId(), participant, status, minutes, null, by);
				}
			}
		}
	}

	private Account counselor(String username, String name) {
		return people.createStaff(username, PASSWORD, name, Role.COUNSELOR);
	}

	/**
	 * A participant who consented to be contacted, by text or by e-mail in turn, so the
	 * reminders of the demo show on the Notifications page (the demo sends nothing).
	 */
	private Account participant(String name, LocalDate dateOfBirth) {
		String username = name.toLowerCase().replace(' ', '.');
		Account account = people.createParticipant(username, PASSWORD, name, dateOfBirth);
		if (account.getId() % 2 == 0) {
			consents.give(account.getId(), ContactChannel.SMS, "+1555010" + String.format("%04d", account.getId()),
					account.getId());
		}
		else {
			consents.give(account.getId(), ContactChannel.EMAIL, username + "@example.org", account.getId());
		}
		return account;
	}

	private long block(Program program, BlockType type, String title, DayOfWeek day, String start, int minutes,
			Account counselor, String location) {
		return blocks
			.create(program.getId(),
					new BlockDefinition(type, title, day, LocalTime.parse(start), minutes, counselor.getId(), location,
							null, null, null))
			.getId();
	}

}
