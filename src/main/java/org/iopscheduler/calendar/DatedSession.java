package org.iopscheduler.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;

/**
 * One dated meeting. It keeps its own copy of time, counselor and location: what is
 * written here is what happened, whatever its block says later.
 */
@Entity
@Table(name = "dated_session")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class DatedSession {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long programId;

	/** Null for a make-up session. */
	private Long blockId;

	@Column(name = "session_date")
	private LocalDate date;

	private LocalTime startTime;

	private int durationMinutes;

	@Enumerated(EnumType.STRING)
	private BlockType type;

	private String title;

	private Long counselorId;

	@Enumerated(EnumType.STRING)
	private LocationKind locationKind;

	private String location;

	@Enumerated(EnumType.STRING)
	private SessionStatus status;

	private String cancelReason;

	private Long closureId;

	private Long makeUpForSessionId;

	private Instant createdAt;

	@Version
	@Column(name = "version")
	private long rowVersion;

	/**
	 * Named participants of a make-up session; block sessions take their roster from
	 * plans.
	 */
	@ElementCollection
	@CollectionTable(name = "make_up_participant", joinColumns = @JoinColumn(name = "session_id"))
	@Column(name = "participant_id")
	private Set<Long> makeUpParticipants = new HashSet<>();

	public static DatedSession makeUp(DatedSession missed, LocalDate date, WeeklySlot slot, String title,
			long counselorId, Location location, Set<Long> participants, Instant now) {
		DatedSession session = new DatedSession();
		session.programId = missed.programId;
		session.date = date;
		session.startTime = slot.start();
		session.durationMinutes = slot.durationMinutes();
		session.type = missed.type;
		session.title = title;
		session.counselorId = counselorId;
		session.locationKind = location.kind();
		session.location = location.value();
		session.status = SessionStatus.SCHEDULED;
		session.makeUpForSessionId = missed.id;
		session.makeUpParticipants.addAll(participants);
		session.createdAt = now;
		return session;
	}

	public boolean isMakeUp() {
		return blockId == null;
	}

	public boolean isCancelled() {
		return status == SessionStatus.CANCELLED;
	}

	/**
	 * Local wall time in the program's zone (see {@link WallTime} for the hours that do
	 * not exist).
	 */
	public ZonedDateTime startsAt(ZoneId zone) {
		return WallTime.at(date, startTime, zone);
	}

	public ZonedDateTime endsAt(ZoneId zone) {
		return startsAt(zone).plusMinutes(durationMinutes);
	}

	public boolean hasStartedAt(Instant now, ZoneId zone) {
		return !startsAt(zone).toInstant().isAfter(now);
	}

	public void cancel(String reason) {
		if (isCancelled()) {
			throw new RuleViolation(Refusal.of("session.already-cancelled", null,
					"session " + id + " was already cancelled: " + cancelReason, "sessionId", id));
		}
		this.status = SessionStatus.CANCELLED;
		this.cancelReason = reason;
	}

	/**
	 * Scheduled again after its own cancellation. Whether its day is closed is the
	 * caller's question ({@link Sessions#reinstate}): the closure is another aggregate.
	 */
	void reinstate() {
		if (!isCancelled()) {
			throw new RuleViolation(Refusal.of("session.not-cancelled", null,
					"session " + id + " on " + date + " is not cancelled; only a cancelled session can be reinstated",
					"sessionId", id));
		}
		this.status = SessionStatus.SCHEDULED;
		this.cancelReason = null;
	}

	void closeFor(long closure, String reason) {
		cancel(reason);
		this.closureId = closure;
	}

	void reopenAfterClosure() {
		this.status = SessionStatus.SCHEDULED;
		this.cancelReason = null;
		this.closureId = null;
	}

	/** Follows its block's new version; only for sessions with no attendance yet. */
	void follow(LocalDate newDate, BlockVersion version, String newTitle) {
		this.title = newTitle;
		this.date = newDate;
		this.startTime = version.getStartTime();
		this.durationMinutes = version.getDurationMinutes();
		this.counselorId = version.getCounselorId();
		this.locationKind = version.getLocationKind();
		this.location = version.getLocation();
	}

}
