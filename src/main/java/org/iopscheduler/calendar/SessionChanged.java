package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A dated session was cancelled, met again or moved, published inside the changing
 * transaction so whoever tells its participants (the notification module) writes the
 * notice in that same transaction. A session that a block change removes is published as
 * cancelled before it is deleted.
 *
 * @param previousDate the day it was on before a move, else its day
 * @param previousStart the time it began before a move, else its start
 */
public record SessionChanged(DatedSession session, Kind kind, LocalDate previousDate, LocalTime previousStart) {

	public enum Kind {

		CANCELLED, REINSTATED, MOVED

	}

	static SessionChanged of(DatedSession session, Kind kind) {
		return new SessionChanged(session, kind, session.getDate(), session.getStartTime());
	}

}
