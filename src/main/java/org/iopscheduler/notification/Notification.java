package org.iopscheduler.notification;

import java.time.Instant;

import org.iopscheduler.contact.ContactChannel;

/** A message in the outbox, as it stands. */
public record Notification(long id, NotificationKind kind, ContactChannel channel, long recipientId, Long participantId,
		Long sessionId, Integer leadMinutes, String dedupeKey, String subject, String body, Instant dueAt,
		NotificationStatus status, String reason, int attempts, Instant nextAttemptAt, Instant sentAt,
		Instant createdAt) {

}
