package org.iopscheduler.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.SessionChanged;
import org.iopscheduler.calendar.WallTime;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a session's participants that it was cancelled, moved or meets again, in the
 * transaction of that change: the notice and the change commit together or not at all.
 * Reminders already waiting for it are skipped at once (a moved session gets new ones at
 * its new time). Only for sessions still to come within four weeks: further ahead, the
 * reminders carry the news.
 */
@Component
class SessionNotices {

	static final Duration AHEAD = Duration.ofDays(28);

	static final String MOVED = "the session moved; reminders for its new time replace this one";

	private final Programs programs;

	private final Rosters rosters;

	private final Recipients recipients;

	private final Outbox outbox;

	private final NeutralMessages words;

	private final Clock clock;

	SessionNotices(Programs programs, Rosters rosters, Recipients recipients, Outbox outbox, NeutralMessages words,
			Clock clock) {
		this.programs = programs;
		this.rosters = rosters;
		this.recipients = recipients;
		this.outbox = outbox;
		this.words = words;
		this.clock = clock;
	}

	@EventListener
	void on(SessionChanged change) {
		DatedSession session = change.session();
		Program program = programs.get(session.getProgramId());
		ZoneId zone = program.zone();
		Instant now = clock.instant();
		switch (change.kind()) {
			case CANCELLED -> outbox.skipWaitingReminders(session.getId(), SessionChecks.CANCELLED);
			case MOVED -> outbox.skipWaitingReminders(session.getId(), MOVED);
			case REINSTATED -> {
			}
		}
		Instant was = WallTime.at(change.previousDate(), change.previousStart(), zone).toInstant();
		Instant is = session.startsAt(zone).toInstant();
		Instant first = was.isBefore(is) ? was : is;
		if (!first.isAfter(now) || first.isAfter(now.plus(AHEAD))) {
			return;
		}
		for (long participantId : rosters.of(session)) {
			recipients.channelOf(participantId)
				.ifPresent(
						channel -> outbox.enqueue(words.sessionChanged(program, change, participantId, channel, now)));
		}
	}

}
