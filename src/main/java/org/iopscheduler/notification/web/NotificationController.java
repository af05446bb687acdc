package org.iopscheduler.notification.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.notification.Notification;
import org.iopscheduler.notification.NotificationKind;
import org.iopscheduler.notification.NotificationStatus;
import org.iopscheduler.notification.Outbox;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Notifications")
@RestController
@RequiredArgsConstructor
class NotificationController {

	private final Outbox outbox;

	record NotificationView(long id, NotificationKind kind, ContactChannel channel, Long participantId, Long sessionId,
			Integer leadMinutes, Instant dueAt, NotificationStatus status, String reason, int attempts, Instant sentAt,
			String subject, String body) {

		static NotificationView of(Notification n) {
			return new NotificationView(n.id(), n.kind(), n.channel(), n.participantId(), n.sessionId(),
					n.leadMinutes(), n.dueAt(), n.status(), n.reason(), n.attempts(), n.sentAt(), n.subject(),
					n.body());
		}

	}

	@Operation(summary = "The notification outbox, newest first (coordinators)",
			description = "Filters combine; limit 1-" + Outbox.MOST_LISTED + " (default 100). The address a message "
					+ "went to is not kept here: it is the recipient's consent at the time it was sent.")
	@ApiResponse(responseCode = "200", description = "The messages")
	@Audited(value = AuditAction.READ_NOTIFICATIONS, whose = Whose.IN_ANSWER)
	@GetMapping("/api/notifications")
	List<NotificationView> list(@RequestParam(required = false) Long participantId,
			@RequestParam(required = false) Long sessionId, @RequestParam(required = false) NotificationStatus status,
			@RequestParam(defaultValue = "100") @Min(1) @Max(Outbox.MOST_LISTED) int limit) {
		return outbox.list(participantId, sessionId, status, limit).stream().map(NotificationView::of).toList();
	}

}
