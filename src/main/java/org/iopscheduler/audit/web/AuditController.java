package org.iopscheduler.audit.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditEvent;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.system.InvalidInput;
import org.springframework.data.domain.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit log", description = "Who read or changed participants' records (42 CFR Part 2, HIPAA)")
@RestController
@RequiredArgsConstructor
class AuditController {

	private final AuditLog auditLog;

	/**
	 * One request's access to one participant's records. participantId is null for a
	 * request that disclosed many participants' records at once (the dose CSV export);
	 * target is its path and query.
	 */
	record AuditEventView(Long id, Instant at, Long actorId, @Schema(allowableValues = {
			"COORDINATOR", "COUNSELOR", "PARTICIPANT" }) String actorRole, AuditAction action, boolean change,
			Long participantId, String method, String target){

		static AuditEventView of(AuditEvent e) {
			return new AuditEventView(e.getId(), e.getOccurredAt(), e.getActorId(), e.getActorRole(), e.getAction(),
					e.getAction().isChange(), e.getParticipantId(), e.getMethod(), e.getTarget());
		}

	}

	record AuditPage(List<AuditEventView> items, int page, int size, long totalItems, int totalPages) {
	}

	@Operation(summary = "The audit log, newest first (coordinators only)",
			description = "One line per participant for every successful API request that read a participant's "
					+ "details, schedule, dosage, enrollments, attendance or a session's roster, and for every "
					+ "change: participant created, enrolled, plan changed, discharged, attendance marked, "
					+ "make-up added, session cancelled; written in the same transaction as the change. "
					+ "from (inclusive) and to (exclusive) are instants, e.g. 2026-11-02T00:00:00-05:00 "
					+ "(encode + as %2B).")
	@NotAudited("the log names who was read, not their records; a line per read would flood the log with itself")
	@GetMapping("/api/audit")
	AuditPage search(
			@Parameter(description = "only lines about this participant") @RequestParam(
					required = false) Long participantId,
			@Parameter(description = "only lines by this account") @RequestParam(required = false) Long actorId,
			@Parameter(description = "from this instant, inclusive") @RequestParam(required = false) Instant from,
			@Parameter(description = "until this instant, exclusive") @RequestParam(required = false) Instant to,
			@Parameter(description = "page number, from 0") @RequestParam(
					defaultValue = "0") @Min(0) @Max(1_000_000) int page,
			@Parameter(description = "lines per page, 1 to 500") @RequestParam(
					defaultValue = "50") @Min(1) @Max(500) int size) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw new InvalidInput("from must be before to");
		}
		Page<AuditEvent> found = auditLog.search(participantId, actorId, from, to, page, size);
		return new AuditPage(found.getContent().stream().map(AuditEventView::of).toList(), page, size,
				found.getTotalElements(), found.getTotalPages());
	}

}
