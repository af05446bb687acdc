package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.system.InvalidInput;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Makes every program's dated sessions for a range of days ahead of need (a coordinator prepares the
 * year), so no later request pays for them. Programs go a few at a time, each group in a transaction
 * of its own: none grows to a year of 200 programs, and what is made stays made if a later group fails.
 */
@Service
@RequiredArgsConstructor
public class CalendarMaking {

	public static final int MAXIMUM_DAYS = 400;

	/** Programs per transaction: 25 programs of 15 weekly blocks make about 20,000 sessions a year. */
	static final int PROGRAMS_AT_ONCE = 25;

	private final SessionMaker maker;

	private final JdbcTemplate jdbc;

	public record Made(int programs, int sessionsMade) {
	}

	public Made make(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidInput("to: " + to + " is before from " + from);
		}
		if (ChronoUnit.DAYS.between(from, to) + 1 > MAXIMUM_DAYS) {
			throw new InvalidInput("to: at most " + MAXIMUM_DAYS + " days from " + from + " in one call, got "
					+ (ChronoUnit.DAYS.between(from, to) + 1));
		}
		// every program, as ids only: no entities for a whole table
		List<Long> programs = jdbc.queryForList("select id from program order by id", Long.class);
		int made = 0;
		for (int i = 0; i < programs.size(); i += PROGRAMS_AT_ONCE) {
			made += maker.ensure(programs.subList(i, Math.min(programs.size(), i + PROGRAMS_AT_ONCE)), from, to);
		}
		return new Made(programs.size(), made);
	}

}
