package org.iopscheduler.calendar;

import lombok.RequiredArgsConstructor;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the changes to what a program's calendar makes. Every change that alters which
 * dated sessions the blocks and closures give calls {@link #changed} in its own
 * transaction, so a session horizon recorded under an older version is recomputed on next
 * need, on every instance. Called last in each change: the program's row lock is then
 * taken after the sessions' locks, in one order.
 */
@Component
@RequiredArgsConstructor
class CalendarVersions {

	private final JdbcTemplate jdbc;

	@Transactional(propagation = Propagation.MANDATORY)
	void changed(long programId) {
		// plain SQL: the column is not in the Program entity, so no JPA save ever writes
		// an old value back
		jdbc.update("update program set calendar_version = calendar_version + 1 where id = ?", programId);
	}

}
