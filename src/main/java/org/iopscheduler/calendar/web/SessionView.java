package org.iopscheduler.calendar.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.LocationKind;
import org.iopscheduler.calendar.SessionStatus;
import org.springframework.modulith.NamedInterface;

/**
 * A dated session on the wire; instants carry the program zone's offset on that date. The
 * one wire form of a session, so enrollment's schedule endpoints use it too: the calendar
 * module's public web interface.
 */
@NamedInterface("web")
public record SessionView(Long id, Long programId, Long blockId, BlockType type, String title, LocalDate date,
		String startsAt, String endsAt, int durationMinutes, Long counselorId, String location,
		LocationKind locationKind, SessionStatus status, String cancelReason, Long makeUpForSessionId,
		List<Long> participantIds) {

	private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

	public static SessionView of(DatedSession s, ZoneId zone, List<Long> participantIds) {
		return new SessionView(s.getId(), s.getProgramId(), s.getBlockId(), s.getType(), s.getTitle(), s.getDate(),
				OFFSET_TIME.format(s.startsAt(zone)), OFFSET_TIME.format(s.endsAt(zone)), s.getDurationMinutes(),
				s.getCounselorId(), s.getLocation(), s.getLocationKind(), s.getStatus(), s.getCancelReason(),
				s.getMakeUpForSessionId(), participantIds);
	}

}
