package org.iopscheduler.enrollment;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.DatedSessionRepository;
import org.iopscheduler.calendar.Location;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.calendar.WeeklySlot;
import org.iopscheduler.people.AccountRepository;
import org.iopscheduler.people.People;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.Conflict;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Make-up sessions: one-off sessions a coordinator adds for participants who missed one. They
 * link to the missed session and count in the week they take place.
 */
@Service
@RequiredArgsConstructor
public class MakeUps {

	private final Sessions sessions;

	private final DatedSessionRepository sessionRepository;

	private final Rosters rosters;

	private final Programs programs;

	private final People people;

	private final AccountRepository accounts;

	private final Clock clock;

	@Transactional
	public DatedSession add(long missedSessionId, MakeUpRequest request) {
		DatedSession missed = sessions.hold(missedSessionId);
		Program program = programs.get(missed.getProgramId());
		if (request.participantIds() == null || request.participantIds().isEmpty()) {
			throw new InvalidInput("participantIds: name at least one participant");
		}
		Set<Long> named = new LinkedHashSet<>(request.participantIds());
		List<Long> roster = rosters.of(missed);
		for (Long participant : named) {
			if (!roster.contains(participant)) {
				throw new RuleViolation("participantIds: participant " + participant
						+ " was not on the roster of session " + missedSessionId);
			}
		}
		WeeklySlot slot = new WeeklySlot(request.date().getDayOfWeek(), request.startTime(),
				request.durationMinutes());
		Location location = Location.of(request.location(), request.locationKind());
		people.counselor(request.counselorId());
		accounts.lockById(request.counselorId());
		refuseBusyCounselor(request, program.zone());
		String title = request.title() != null && !request.title().isBlank() ? request.title()
				: "Make-up: " + missed.getTitle();
		return sessionRepository.saveAndFlush(DatedSession.makeUp(missed, request.date(), slot, title,
				request.counselorId(), location, named, clock.instant()));
	}

	/** A make-up may not put its counselor in two sessions at once, in any program. */
	private void refuseBusyCounselor(MakeUpRequest request, ZoneId zone) {
		Instant start = request.date().atTime(request.startTime()).atZone(zone).toInstant();
		Instant end = start.plusSeconds(request.durationMinutes() * 60L);
		List<DatedSession> nearby = sessionRepository.findByCounselor(request.counselorId(),
				request.date().minusDays(1), request.date().plusDays(1));
		List<Long> programIds = nearby.stream().map(DatedSession::getProgramId).distinct().toList();
		var zones = programs.zonesOf(programIds);
		for (DatedSession other : nearby) {
			if (other.isCancelled()) {
				continue;
			}
			ZoneId otherZone = zones.get(other.getProgramId());
			Instant otherStart = other.startsAt(otherZone).toInstant();
			Instant otherEnd = other.endsAt(otherZone).toInstant();
			if (start.isBefore(otherEnd) && otherStart.isBefore(end)) {
				throw new Conflict("counselorId: counselor " + request.counselorId() + " facilitates session "
						+ other.getId() + " '" + other.getTitle() + "' at " + other.startsAt(otherZone)
						+ ", which overlaps the make-up");
			}
		}
	}

}
