package org.iopscheduler.notification.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import lombok.Data;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.notification.Notification;
import org.iopscheduler.notification.NotificationStatus;
import org.iopscheduler.notification.Outbox;
import org.iopscheduler.people.Names;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The coordinators' outbox page: what was sent, skipped (and why) or waits, with the text
 * itself. In the demo nothing leaves the service: the messages are read here.
 */
@PageController
@RequiredArgsConstructor
class NotificationPages {

	static final int SHOWN = 200;

	private final Outbox outbox;

	private final Names names;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	@Data
	static class Filter {

		private Long participantId;

		private Long sessionId;

		private NotificationStatus status;

	}

	record Row(long id, String kind, String channel, String participant, Long sessionId, String due, String status,
			String reason, int attempts, String sent, String subject, String body) {
	}

	@Audited(value = AuditAction.READ_NOTIFICATIONS, whose = Whose.PAGE)
	@GetMapping("/notifications")
	String list(@ModelAttribute("filter") Filter filter, Model model) {
		List<Notification> messages = outbox.list(filter.getParticipantId(), filter.getSessionId(), filter.getStatus(),
				SHOWN);
		List<Long> participants = messages.stream()
			.map(Notification::participantId)
			.filter(id -> id != null)
			.distinct()
			.toList();
		audit.record(AuditAction.READ_NOTIFICATIONS, participants);
		var known = names.of(participants);
		ZoneId zone = calendar.organisationZone();
		model.addAttribute("rows", messages.stream()
			.map(n -> new Row(n.id(), n.kind().name(), n.channel().name(),
					n.participantId() == null ? "" : known.getOrDefault(n.participantId(), "#" + n.participantId()),
					n.sessionId(), when(n.dueAt(), zone), n.status().name(), n.reason() == null ? "" : n.reason(),
					n.attempts(), when(n.sentAt(), zone), n.subject(), n.body()))
			.toList());
		model.addAttribute("statuses", NotificationStatus.values());
		model.addAttribute("zone", PageFormat.zone(zone.getId()));
		return "notification/list";
	}

	private static String when(Instant at, ZoneId zone) {
		if (at == null) {
			return "";
		}
		var local = at.atZone(zone);
		return PageFormat.day(local.toLocalDate()) + " " + PageFormat.time(local.toLocalTime());
	}

}
