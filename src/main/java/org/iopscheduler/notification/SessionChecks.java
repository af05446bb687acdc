package org.iopscheduler.notification;

import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.enrollment.Rosters;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The two checks a message about a participant's session needs just before it goes out,
 * asked of the owners: a reminder of a session cancelled since is not sent (the
 * cancellation notice is a message of its own), and nothing about a session is sent to a
 * participant who has left its roster since (discharged, plan changed).
 */
final class SessionChecks {

	static final String CANCELLED = "the session was cancelled";

	static final String GONE = "the session no longer exists";

	static final String OFF_ROSTER = "the participant is no longer expected at the session";

	private SessionChecks() {
	}

	@Component
	@Order(10)
	@RequiredArgsConstructor
	static class ReminderOfACancelledSession implements DeliveryCheck {

		private final Sessions sessions;

		@Override
		public Optional<String> skip(Notification message) {
			if (message.kind() != NotificationKind.REMINDER) {
				return Optional.empty();
			}
			if (message.sessionId() == null) {
				// a block change removed the session (its id is cleared with it)
				return Optional.of(GONE);
			}
			return sessions.get(message.sessionId()).isCancelled() ? Optional.of(CANCELLED) : Optional.empty();
		}

	}

	@Component
	@Order(20)
	@RequiredArgsConstructor
	static class ParticipantOffTheRoster implements DeliveryCheck {

		private final Sessions sessions;

		private final Rosters rosters;

		@Override
		public Optional<String> skip(Notification message) {
			if (message.sessionId() == null || message.participantId() == null) {
				return Optional.empty();
			}
			DatedSession session = sessions.get(message.sessionId());
			return rosters.includes(session, message.participantId()) ? Optional.empty() : Optional.of(OFF_ROSTER);
		}

	}

}
