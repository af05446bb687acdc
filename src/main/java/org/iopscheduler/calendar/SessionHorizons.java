package org.iopscheduler.calendar;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The days of each program whose dated sessions are made, and the calendar version they
 * were made under (table session_horizon). Kept in the database, so every instance shares
 * them and they outlive restarts; a calendar change raises program.calendar_version and
 * so retires them.
 */
@Component
@RequiredArgsConstructor
class SessionHorizons {

	private final NamedParameterJdbcTemplate jdbc;

	/**
	 * A program as read before making its sessions: its calendar version now and its
	 * horizon, if any.
	 */
	record Horizon(long programId, long calendarVersion, Long madeUnder, LocalDate madeFrom, LocalDate madeTo) {

		boolean covers(LocalDate from, LocalDate to) {
			return madeUnder != null && madeUnder == calendarVersion && !madeFrom.isAfter(from) && !madeTo.isBefore(to);
		}

		/**
		 * After the days were made under {@code calendarVersion}: one range with the old
		 * horizon when it was made under the same version and the two touch or overlap,
		 * else the new days alone.
		 */
		LocalDate[] after(LocalDate from, LocalDate to) {
			if (madeUnder != null && madeUnder == calendarVersion && !madeFrom.isAfter(to.plusDays(1))
					&& !madeTo.isBefore(from.minusDays(1))) {
				return new LocalDate[] { madeFrom.isBefore(from) ? madeFrom : from, madeTo.isAfter(to) ? madeTo : to };
			}
			return new LocalDate[] { from, to };
		}

	}

	/**
	 * One statement: the programs whose sessions between the two days may still need
	 * making.
	 */
	List<Horizon> toMake(Collection<Long> programIds, LocalDate from, LocalDate to) {
		List<Horizon> stale = new ArrayList<>();
		jdbc.query("""
				select p.id, p.calendar_version, h.calendar_version, h.made_from, h.made_to
				from program p left join session_horizon h on h.program_id = p.id
				where p.id in (:ids)""", Map.of("ids", programIds), rows -> {
			Horizon horizon = new Horizon(rows.getLong(1), rows.getLong(2), rows.getObject(3, Long.class),
					rows.getObject(4, LocalDate.class), rows.getObject(5, LocalDate.class));
			if (!horizon.covers(from, to)) {
				stale.add(horizon);
			}
		});
		return stale;
	}

	/**
	 * Records that the days were made for these programs, under the calendar versions
	 * read by {@link #toMake} before anything else. In the caller's transaction, with the
	 * sessions it made. Two instances writing one program's horizon at once: the later
	 * write wins, and both describe days that are made, so neither is ever wrong, at
	 * worst narrower than it could be.
	 */
	void record(List<Horizon> made, LocalDate from, LocalDate to) {
		List<Map<String, Object>> updates = new ArrayList<>();
		List<Map<String, Object>> inserts = new ArrayList<>();
		for (Horizon horizon : made) {
			LocalDate[] range = horizon.after(from, to);
			Map<String, Object> row = Map.of("program", horizon.programId(), "version", horizon.calendarVersion(),
					"from", Date.valueOf(range[0]), "to", Date.valueOf(range[1]));
			(horizon.madeUnder() == null ? inserts : updates).add(row);
		}
		if (!updates.isEmpty()) {
			jdbc.batchUpdate("""
					update session_horizon set calendar_version = :version, made_from = :from, made_to = :to
					where program_id = :program""", updates.toArray(Map[]::new));
		}
		if (!inserts.isEmpty()) {
			// a concurrent first insert meets the primary key: SessionMaker tries again
			// and then reads it
			jdbc.batchUpdate("""
					insert into session_horizon (program_id, calendar_version, made_from, made_to)
					values (:program, :version, :from, :to)""", inserts.toArray(Map[]::new));
		}
	}

}
