package org.iopscheduler.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.LocationKind;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;

/**
 * Test fixtures made through the services, so every rule holds. Names are unique per
 * call: tests share one database. Bring it in with {@code @Import(Clinic.class)}.
 */
public class Clinic {

	public static final String PASSWORD = "Fixture-pass-1";

	/** A Monday long past: its sessions have started, whatever day the tests run. */
	public static final LocalDate MONDAY = LocalDate.of(2025, 1, 6);

	private static final AtomicInteger NEXT = new AtomicInteger();

	private final People people;

	private final Programs programs;

	private final Blocks blocks;

	private final Enrollments enrollments;

	private final Sessions sessions;

	public Clinic(People people, Programs programs, Blocks blocks, Enrollments enrollments, Sessions sessions) {
		this.people = people;
		this.programs = programs;
		this.blocks = blocks;
		this.enrollments = enrollments;
		this.sessions = sessions;
	}

	public static String unique(String name) {
		return name + "-" + System.nanoTime() % 1_000_000 + "-" + NEXT.incrementAndGet();
	}

	public Account coordinator() {
		return people.createStaff(unique("coord"), PASSWORD, "Morgan Coordinator", Role.COORDINATOR);
	}

	public Account counselor() {
		return people.createStaff(unique("couns"), PASSWORD, "Dana Counselor", Role.COUNSELOR);
	}

	public Account participant() {
		return people.createParticipant(unique("part"), PASSWORD, "Pat Participant", LocalDate.of(1990, 1, 1));
	}

	public static SignedIn signedIn(Account account) {
		return SignedIn.of(account, false);
	}

	/**
	 * An adult program with one nine-hour Monday group facilitated by {@code counselor}.
	 */
	public Group group(Account counselor) {
		Program program = programs.create(unique("Adult IOP"), Population.ADULT, "America/New_York", null);
		long blockId = blocks
			.create(program.getId(),
					new BlockDefinition(BlockType.GROUP, "Monday group", DayOfWeek.MONDAY, LocalTime.of(9, 0), 540,
							counselor.getId(), "Room 1", LocationKind.ROOM, null, null))
			.getId();
		return new Group(program, blockId);
	}

	public Enrollment enrol(Group group, Account participant) {
		return enrollments.enrol(group.program().getId(), participant.getId(), MONDAY, null,
				new ArrayList<>(List.of(group.blockId())));
	}

	/** The group's session on {@link #MONDAY}. */
	public DatedSession firstSession(Group group) {
		return sessions.week(group.program(), IsoWeek.of(MONDAY)).get(0);
	}

	public record Group(Program program, long blockId) {
	}

}
