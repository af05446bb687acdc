package org.iopscheduler.attendance;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * The current attendance of one participant at one session. Its past lives in
 * AttendanceChange.
 */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AttendanceMark {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long sessionId;

	private Long participantId;

	@Enumerated(EnumType.STRING)
	private AttendanceStatus status;

	private int minutesAttended;

	private String note;

	private Long markedBy;

	private Instant markedAt;

	@Version
	@Column(name = "version")
	private long rowVersion;

	AttendanceMark(long sessionId, long participantId, AttendanceStatus status, int minutes, String note, long markedBy,
			Instant now) {
		this.sessionId = sessionId;
		this.participantId = participantId;
		this.status = status;
		this.minutesAttended = minutes;
		this.note = note;
		this.markedBy = markedBy;
		this.markedAt = now;
	}

	boolean sameAs(AttendanceStatus otherStatus, int otherMinutes, String otherNote) {
		return status == otherStatus && minutesAttended == otherMinutes && Objects.equals(note, otherNote);
	}

	/** Replaces the value; answers the change to keep in the history. */
	AttendanceChange change(AttendanceStatus newStatus, int newMinutes, String newNote, long by, Instant now) {
		AttendanceChange change = new AttendanceChange(sessionId, participantId, status, minutesAttended, newStatus,
				newMinutes, newNote, by, now);
		this.status = newStatus;
		this.minutesAttended = newMinutes;
		this.note = newNote;
		this.markedBy = by;
		this.markedAt = now;
		return change;
	}

	AttendanceChange firstChange() {
		return new AttendanceChange(sessionId, participantId, null, null, status, minutesAttended, note, markedBy,
				markedAt);
	}

}
