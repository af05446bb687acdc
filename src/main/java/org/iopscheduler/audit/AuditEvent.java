package org.iopscheduler.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;

/**
 * One line of the audit log, as read back. Lines are written by {@link AuditLog} and
 * never change.
 */
@Entity
@Immutable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AuditEvent {

	@Id
	private Long id;

	private Instant occurredAt;

	private Long actorId;

	/** COORDINATOR, COUNSELOR or PARTICIPANT (see {@link Actor}). */
	private String actorRole;

	@Enumerated(EnumType.STRING)
	private AuditAction action;

	/**
	 * Null for a request that disclosed many participants' records at once (an export).
	 */
	private Long participantId;

	@Column(name = "http_method")
	private String method;

	/** The request's path and query: which record, which weeks. */
	private String target;

}
