package org.iopscheduler.attendance;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One change to a mark, kept for good: 42 CFR Part 2 records must show who changed what,
 * and when.
 */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AttendanceChange {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long sessionId;

	private Long participantId;

	@Enumerated(EnumType.STRING)
	private AttendanceStatus oldStatus;

	private Integer oldMinutesAttended;

	@Enumerated(EnumType.STRING)
	private AttendanceStatus newStatus;

	private int newMinutesAttended;

	private String note;

	private Long changedBy;

	private Instant changedAt;

	AttendanceChange(long sessionId, long participantId, AttendanceStatus oldStatus, Integer oldMinutes,
			AttendanceStatus newStatus, int newMinutes, String note, long changedBy, Instant changedAt) {
		this.sessionId = sessionId;
		this.participantId = participantId;
		this.oldStatus = oldStatus;
		this.oldMinutesAttended = oldMinutes;
		this.newStatus = newStatus;
		this.newMinutesAttended = newMinutes;
		this.note = note;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
	}

}
