package org.iopscheduler.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.LocationKind;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Enrollments;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.springframework.stereotype.Component;

/**
 * A small clinic made through the services, as a coordinator would: one adult program, a
 * counselor, a Monday group of 540 minutes that runs every week, and participants
 * enrolled from six weeks ago. Sessions two weeks back have started, so attendance can be
 * marked on them with the real clock.
 */
@Component
public class ClinicFixture {

	private final People people;

	private final Programs programs;

	private final Blocks blocks;

	private final Enrollments enrollments;

	private final Sessions sessions;

	public ClinicFixture(People people, Programs programs, Blocks blocks, Enrollments enrollments, Sessions sessions) {
		this.people = people;
		this.programs = programs;
		this.blocks = blocks;
		this.enrollments = enrollments;
		this.sessions = sessions;
	}

	public record Clinic(SignedIn coordinator, Account counselor, Program program, long blockId,
			List<Long> participantIds, DatedSession pastSession) {
	}

	public Clinic clinic(int participants) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Account coordinator = people.createStaff("coord-" + tag, "coordinator-pw", "Casey Coordinator",
				Role.COORDINATOR);
		Account counselor = people.createStaff("couns-" + tag, "counselor-pw", "Chris Counselor", Role.COUNSELOR);
		Program program = programs.create("Evening IOP " + tag, Population.ADULT, "America/New_York", null);
		long blockId = blocks
			.create(program.getId(),
					new BlockDefinition(BlockType.GROUP, "Process group", DayOfWeek.MONDAY, LocalTime.of(9, 0), 540,
							counselor.getId(), "Room 1", LocationKind.ROOM, 12, null))
			.getId();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<Long> participantIds = new java.util.ArrayList<>();
		for (int i = 0; i < participants; i++) {
			long id = people
				.createParticipant("part-" + i + "-" + tag, "participant-pw", "Pat Participant " + i,
						LocalDate.of(1990, 1, 1))
				.getId();
			enrollments.enrol(program.getId(), id, today.minusWeeks(6), null, List.of(blockId));
			participantIds.add(id);
		}
		DatedSession past = sessions.week(program, IsoWeek.of(today).plusWeeks(-2)).get(0);
		return new Clinic(SignedIn.of(coordinator, false), counselor, program, blockId, participantIds, past);
	}

}
