package org.iopscheduler.dose;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.enrollment.Enrollment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The enrollments a change concerns whose days reach into the change's whole weeks: only
 * their stored weeks can change (a stored week has sessions on the enrollment's days). A
 * year made ahead, after every enrollment's last day, so concerns none. Every enrollment
 * the condition names is locked, not only those: one whose dates another transaction is
 * moving into the weeks is waited for, and its dates are then read as that transaction
 * committed them, so no week is counted without the other's change or this one's.
 */
final class ConcernedEnrollments {

	private ConcernedEnrollments() {
	}

	/**
	 * In id order; {@code from} or {@code to} null for no limit on that side.
	 */
	static List<Long> lock(NamedParameterJdbcTemplate jdbc, String where, MapSqlParameterSource params, LocalDate from,
			LocalDate to) {
		LocalDate firstDay = from == null ? null : IsoWeek.of(from).monday();
		LocalDate lastDay = to == null ? null : IsoWeek.of(to).sunday();
		List<Long> touching = new ArrayList<>();
		jdbc.query("select e.id, e.start_date, e.end_date, e.discharge_date from enrollment e where " + where
				+ " order by e.id for update", params, rs -> {
					LocalDate start = rs.getObject("start_date", LocalDate.class);
					LocalDate last = Enrollment.lastDay(rs.getObject("end_date", LocalDate.class),
							rs.getObject("discharge_date", LocalDate.class));
					if ((lastDay == null || !start.isAfter(lastDay))
							&& (firstDay == null || last == null || !last.isBefore(firstDay))) {
						touching.add(rs.getLong("id"));
					}
				});
		return touching;
	}

}
