package org.iopscheduler.enrollment;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.CounselorAvailability;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.Location;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.calendar.WeeklySlot;
import org.iopscheduler.people.People;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Make-up sessions: one-off sessions a coordinator adds for participants who missed one.
 * They link to the missed session and count in the week they take place.
 */
@Service
@RequiredArgsConstructor
public class MakeUps {

	private final Sessions sessions;

	private final Rosters rosters;

	private final Programs programs;

	private final People people;

	private final CounselorAvailability availability;

	private final Clock clock;

	@Transactional
	public DatedSession add(long missedSessionId, MakeUpRequest request) {
		DatedSession missed = sessions.hold(missedSessionId);
		Program program = programs.get(missed.getProgramId());
		if (request.participantIds() == null || request.participantIds().isEmpty()) {
			throw new InvalidInput(
					Refusal.of("make-up.no-participants", "participantIds", "name at least one participant"));
		}
		Set<Long> named = new LinkedHashSet<>(request.participantIds());
		List<Long> roster = rosters.of(missed);
		for (Long participant : named) {
			if (!roster.contains(participant)) {
				throw new RuleViolation(Refusal.of("make-up.not-on-roster", "participantIds",
						"participant " + participant + " was not on the roster of session " + missedSessionId,
						"participantId", participant, "sessionId", missedSessionId));
			}
		}
		WeeklySlot slot = new WeeklySlot(request.date().getDayOfWeek(), request.startTime(), request.durationMinutes());
		Location location = Location.of(request.location(), request.locationKind());
		people.counselor(request.counselorId());
		people.lock(request.counselorId());
		refuseBusyCounselor(request, program.zone());
		String title = request.title() != null && !request.title().isBlank() ? request.title()
				: "Make-up: " + missed.getTitle();
		return sessions.addMakeUp(DatedSession.makeUp(missed, request.date(), slot, title, request.counselorId(),
				location, named, clock.instant()));
	}

	/**
	 * A make-up may not put its counselor in two sessions at once, in any program: not
	 * over another one-off, nor over any of their weekly blocks, whether that week's
	 * sessions were made yet or not.
	 */
	private void refuseBusyCounselor(MakeUpRequest request, ZoneId zone) {
		availability.requireFreeOnce(request.counselorId(), zone, request.date(), request.startTime(),
				request.durationMinutes(), null);
	}

}
