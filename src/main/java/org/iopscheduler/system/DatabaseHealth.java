package org.iopscheduler.system;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The "db" health contributor, in readiness and /actuator/health (never in liveness): UP
 * only when the database answers a query on a table of the schema. Boot's own check asks
 * Connection.isValid, which H2 answers true on a connection to a database that closed its
 * file after an interrupt, while every query on it failed; and a new, empty in-memory
 * database answers "select 1". Either way the service said UP while no request could
 * succeed, and the load balancer kept sending them.
 */
@Component("dbHealthIndicator")
class DatabaseHealth extends AbstractHealthIndicator {

	/** A primary-key lookup: the same few microseconds on 10 programs or 10,000. */
	static final String QUERY = "select count(*) from program where id = 0";

	private final JdbcTemplate jdbc;

	DatabaseHealth(DataSource dataSource) {
		super("The database cannot serve queries");
		this.jdbc = new JdbcTemplate(dataSource);
		// a database that hangs is as unready as one that refuses
		this.jdbc.setQueryTimeout(5);
	}

	@Override
	protected void doHealthCheck(Health.Builder health) {
		jdbc.queryForObject(QUERY, Long.class);
		health.up();
	}

}
