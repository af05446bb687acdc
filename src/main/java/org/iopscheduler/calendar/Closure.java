package org.iopscheduler.calendar;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A day the whole program does not meet (a public holiday, a snow day). */
@Entity
@Table(name = "program_closure")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Closure {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long programId;

	@Column(name = "closure_date")
	private LocalDate date;

	private String reason;

	private Long createdBy;

	private Instant createdAt;

	Closure(long programId, LocalDate date, String reason, long createdBy, Instant now) {
		this.programId = programId;
		this.date = date;
		this.reason = reason;
		this.createdBy = createdBy;
		this.createdAt = now;
	}

	String sessionReason() {
		return sessionReason(reason);
	}

	/** The cancel reason of each session a closure for this reason cancels. */
	public static String sessionReason(String closureReason) {
		return "Program closed: " + closureReason;
	}

}
