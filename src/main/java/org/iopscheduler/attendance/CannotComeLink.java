package org.iopscheduler.attendance;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A one-use "I can't come" link of one session and one participant. Only the token's
 * SHA-256 is kept: whoever reads the database cannot open the links.
 */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CannotComeLink {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String tokenHash;

	private Long sessionId;

	private Long participantId;

	private Instant createdAt;

	private Instant usedAt;

	CannotComeLink(String tokenHash, long sessionId, long participantId, Instant createdAt) {
		this.tokenHash = tokenHash;
		this.sessionId = sessionId;
		this.participantId = participantId;
		this.createdAt = createdAt;
	}

	public boolean isUsed() {
		return usedAt != null;
	}

	void use(Instant now) {
		this.usedAt = now;
	}

}
