package org.iopscheduler.notification;

import java.time.Instant;
import java.util.Objects;

import org.iopscheduler.contact.ContactChannel;

/**
 * A message to put in the outbox. The subject and body are already in neutral words (no
 * program name, diagnosis or treatment: 42 CFR Part 2); the address is not part of it, it
 * is read from the recipient's consent when the message is sent. {@code dedupeKey} names
 * the cause: one message per key, ever ({@link #reminderKey}).
 */
public record NewMessage(NotificationKind kind, ContactChannel channel, long recipientId, Long participantId,
		Long sessionId, Integer leadMinutes, String dedupeKey, String subject, String body, Instant dueAt) {

	public NewMessage {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(channel, "channel");
		Objects.requireNonNull(dedupeKey, "dedupeKey");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(dueAt, "dueAt");
	}

	/** At most one reminder per session, participant, lead time (and channel). */
	public static String reminderKey(long sessionId, long participantId, int leadMinutes, ContactChannel channel) {
		return "reminder:" + sessionId + ":" + participantId + ":" + leadMinutes + ":" + channel.name().toLowerCase();
	}

}
