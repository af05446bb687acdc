package org.iopscheduler.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log as coordinators read it: lines with the names of who read and whose
 * records, newest first. One statement for a page of lines (the names joined in, never a
 * look-up per line) and one for their count. Only the filters given become conditions, so
 * each query is a range of one of the log's indexes.
 */
@Service
public class AuditTrail {

	/** Staff and participants are named by account id in a filter. */
	public record Filter(Long participantId, Long staffId, AuditAction action, Instant from, Instant to) {

		public static Filter none() {
			return new Filter(null, null, null, null, null);
		}

	}

	/** One line; a name is null when the line names nobody (an export). */
	public record Line(Instant at, String actorName, String actorUsername, String actorRole, AuditAction action,
			String participantName, String participantUsername, String method, String target) {
	}

	public record Lines(List<Line> lines, long total) {
	}

	private static final String SELECT = """
			select e.occurred_at, e.actor_role, e.action, e.http_method, e.target,
			       a.full_name as actor_name, a.username as actor_username,
			       p.full_name as participant_name, p.username as participant_username
			from audit_event e
			left join account a on a.id = e.actor_id
			left join account p on p.id = e.participant_id
			""";

	private final NamedParameterJdbcTemplate jdbc;

	AuditTrail(JdbcTemplate jdbc) {
		this.jdbc = new NamedParameterJdbcTemplate(jdbc);
	}

	/** Page {@code page} (from 0) of {@code size} lines. */
	@Transactional(readOnly = true)
	public Lines search(Filter filter, int page, int size) {
		MapSqlParameterSource values = new MapSqlParameterSource();
		String where = where(filter, values);
		long total = jdbc.queryForObject("select count(*) from audit_event e" + where, values, Long.class);
		if (total == 0 || (long) page * size >= total) {
			return new Lines(List.of(), total);
		}
		values.addValue("skip", (long) page * size).addValue("size", size);
		List<Line> lines = jdbc.query(
				SELECT + where + " order by e.occurred_at desc, e.id desc offset :skip rows fetch next :size rows only",
				values, AuditTrail::line);
		return new Lines(lines, total);
	}

	private static String where(Filter filter, MapSqlParameterSource values) {
		List<String> conditions = new ArrayList<>();
		if (filter.participantId() != null) {
			conditions.add("e.participant_id = :participant");
			values.addValue("participant", filter.participantId());
		}
		if (filter.staffId() != null) {
			conditions.add("e.actor_id = :staff");
			values.addValue("staff", filter.staffId());
		}
		if (filter.action() != null) {
			conditions.add("e.action = :action");
			values.addValue("action", filter.action().name());
		}
		if (filter.from() != null) {
			conditions.add("e.occurred_at >= :from");
			values.addValue("from", OffsetDateTime.ofInstant(filter.from(), java.time.ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			conditions.add("e.occurred_at < :to");
			values.addValue("to", OffsetDateTime.ofInstant(filter.to(), java.time.ZoneOffset.UTC));
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static Line line(ResultSet row, int n) throws SQLException {
		return new Line(row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getString("actor_name"),
				row.getString("actor_username"), row.getString("actor_role"),
				AuditAction.valueOf(row.getString("action")), row.getString("participant_name"),
				row.getString("participant_username"), row.getString("http_method"), row.getString("target"));
	}

}
