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
 * A participant's word that they will miss a session ("I can't come"). An attendance fact
 * of its own, not a mark: the counselor still marks the session, and the notice makes
 * EXCUSED one tap. One per session and participant.
 */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AbsenceNotice {

	/** How the notice came: a reminder's one-use link, or the participant signed in. */
	public enum Via {

		LINK, SIGNED_IN

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long sessionId;

	private Long participantId;

	private Instant givenAt;

	@Enumerated(EnumType.STRING)
	private Via via;

	/** The signed-in account that recorded it; null from a link (nobody signed in). */
	private Long recordedBy;

	AbsenceNotice(long sessionId, long participantId, Instant givenAt, Via via, Long recordedBy) {
		this.sessionId = sessionId;
		this.participantId = participantId;
		this.givenAt = givenAt;
		this.via = via;
		this.recordedBy = recordedBy;
	}

}
