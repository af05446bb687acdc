package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.ParticipantSearch;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people page's search, answered where enrollments live: one statement for a page of
 * participants and how many match (a window count), whatever the filters. Only the
 * filters given become conditions: the name as ranges of the V9 key indexes, the
 * population as a range of dates of birth, program and status as look-ups of each found
 * participant's enrollments by {@code ix_enrollment_participant} (V1). "Today" is each
 * program's own, from the clinic calendar, passed in as values: the SQL never reads a
 * clock.
 */
@Service
class ParticipantFinder implements ParticipantSearch {

	/**
	 * An enrollment's last day in SQL, the earlier of end and discharge, null while open:
	 * {@link Enrollment#lastDay} (the same as {@code EnrollmentRepository.LAST_DAY_OR}).
	 */
	private static final String LAST_DAY = "(case when e.discharge_date is not null and (e.end_date is null"
			+ " or e.discharge_date < e.end_date) then e.discharge_date else e.end_date end)";

	private final NamedParameterJdbcTemplate jdbc;

	private final Programs programs;

	private final ClinicCalendar calendar;

	ParticipantFinder(JdbcTemplate jdbc, Programs programs, ClinicCalendar calendar) {
		this.jdbc = new NamedParameterJdbcTemplate(jdbc);
		this.programs = programs;
		this.calendar = calendar;
	}

	@Override
	@Transactional(readOnly = true)
	public Found find(Query query, int page, int size) {
		MapSqlParameterSource values = new MapSqlParameterSource();
		List<String> conditions = new ArrayList<>();
		Program chosen = query.programId() != null ? programs.get(query.programId()) : null;
		if (query.text() != null) {
			values.addValue("prefix", Account.searchPrefix(query.text()));
			conditions.add("(a.name_key like :prefix escape '!' or a.surname_key like :prefix escape '!'"
					+ " or a.username_key like :prefix escape '!')");
		}
		if (query.population() != null) {
			// age today where the participant is looked for: the chosen program, else
			// the organisation (the population's own rule, as the enrol picker asks it)
			LocalDate today = chosen != null ? calendar.today(chosen) : calendar.today(calendar.organisationZone());
			values.addValue("bornAfter", query.population().bornAfter(today));
			values.addValue("bornBy", query.population().bornBy(today));
			conditions.add("a.date_of_birth > :bornAfter and a.date_of_birth <= :bornBy");
		}
		String scope = "e.participant_id = a.id";
		if (chosen != null) {
			values.addValue("program", chosen.getId());
			scope += " and e.program_id = :program";
		}
		if (query.status() != null) {
			String today = today(chosen, values);
			String running = exists(scope, "e.start_date <= " + today + " and (" + LAST_DAY + " is null or " + LAST_DAY
					+ " >= " + today + ")");
			switch (query.status()) {
				case ENROLLED -> conditions.add(running);
				case DISCHARGED -> {
					conditions.add(exists(scope, LAST_DAY + " < " + today));
					conditions.add("not " + running);
				}
				// neither running nor ended is "not started by today"
				case NOT_ENROLLED -> conditions.add("not " + exists(scope, "e.start_date <= " + today));
			}
		}
		if (chosen != null && query.status() != Status.ENROLLED && query.status() != Status.DISCHARGED) {
			conditions.add(exists(scope, null));
		}
		String sql = "select a.id, a.full_name, a.username, count(*) over () as total from account a"
				+ " where a.role = 'PARTICIPANT'" + conditions.stream().map(c -> " and " + c).reduce("", String::concat)
				+ " order by a.full_name, a.id offset :skip rows fetch next :size rows only";
		values.addValue("skip", (long) page * size).addValue("size", size);
		long[] total = { 0 };
		List<Match> matches = jdbc.query(sql, values, (row, n) -> {
			total[0] = row.getLong("total");
			return new Match(row.getLong("id"), row.getString("full_name"), row.getString("username"));
		});
		if (matches.isEmpty() && page > 0) {
			// past the last page: the count alone (a second statement only here)
			return new Found(List.of(), find(query, 0, 1).total());
		}
		return new Found(matches, total[0]);
	}

	private static String exists(String scope, String condition) {
		return "exists (select 1 from enrollment e where " + scope + (condition != null ? " and " + condition : "")
				+ ")";
	}

	/**
	 * Today of the enrollment's program as SQL: the chosen program's date, or one date
	 * per group of programs that share it (at most three at any instant: zones span 26
	 * hours).
	 */
	private String today(Program chosen, MapSqlParameterSource values) {
		if (chosen != null) {
			values.addValue("today", calendar.today(chosen));
			return ":today";
		}
		Map<LocalDate, List<Long>> byDay = new TreeMap<>();
		for (Program program : programs.all()) {
			byDay.computeIfAbsent(calendar.today(program), d -> new ArrayList<>()).add(program.getId());
		}
		if (byDay.size() <= 1) {
			values.addValue("today",
					byDay.isEmpty() ? calendar.today(calendar.organisationZone()) : byDay.keySet().iterator().next());
			return ":today";
		}
		StringBuilder sql = new StringBuilder("(case");
		int group = 0;
		for (Map.Entry<LocalDate, List<Long>> day : byDay.entrySet()) {
			values.addValue("programs" + group, day.getValue()).addValue("today" + group, day.getKey());
			sql.append(" when e.program_id in (:programs").append(group).append(") then :today").append(group);
			group++;
		}
		return sql.append(" end)").toString();
	}

}
