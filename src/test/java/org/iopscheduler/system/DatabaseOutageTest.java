package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.iopscheduler.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A database that cannot serve queries makes the instance unready: readiness and
 * /actuator/health answer 503 DOWN, so a load balancer stops sending it requests, while
 * liveness stays UP (restarting the process would not bring the database back). Sign-ins
 * that cannot be checked answer 503, not a 401 that tells a client its password is wrong.
 * <p>
 * The database is taken away for good, so this class has a context and a database of its
 * own (the URL below differs from every other test's) and closes it afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:outage-${random.uuid};DB_CLOSE_DELAY=-1",
				"spring.datasource.hikari.connection-timeout=3000",
				"iop.bootstrap-coordinator=" + DatabaseOutageTest.USERNAME + ":" + DatabaseOutageTest.PASSWORD })
@DirtiesContext
class DatabaseOutageTest {

	static final String USERNAME = "outage-coordinator";

	static final String PASSWORD = "outage-password-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void readinessAndHealthAreDownWhileTheDatabaseCannotServeQueriesAndLivenessStaysUp() throws SQLException {
		Api anonymous = new Api(port, null, null);
		Api coordinator = new Api(port, USERNAME, PASSWORD);
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(coordinator.get("/api/programs").status()).isEqualTo(200);

		loseTheDatabase();

		Api.Reply readiness = anonymous.get("/actuator/health/readiness");
		assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
		assertThat(readiness.json().get("status").asString()).isEqualTo("DOWN");
		Api.Reply health = anonymous.get("/actuator/health");
		assertThat(health.status()).as(health.toString()).isEqualTo(503);
		assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
		Api.Reply liveness = anonymous.get("/actuator/health/liveness");
		assertThat(liveness.status()).as(liveness.toString()).isEqualTo(200);
		assertThat(liveness.json().get("status").asString()).isEqualTo("UP");

		Api.Reply signedIn = coordinator.get("/api/programs");
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(503);
		assertThat(signedIn.contentType()).startsWith("application/problem+json");
		assertThat(signedIn.json().get("detail").asString()).contains("database");
	}

	private void loseTheDatabase() throws SQLException {
		String product = jdbc
			.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
		if ("H2".equals(product)) {
			jdbc.execute("SHUTDOWN");
			// the pool replaces its connections to the closed database (as it does by
			// itself once they have been
			// idle for half a second): the new ones open a new, empty in-memory database,
			// where every connection
			// is valid (Boot's own check said UP) and no query on the schema succeeds
			dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
			return;
		}
		// PostgreSQL (-Ppostgres), from the server's maintenance database: no connection
		// may open any more, and
		// the open ones are cut
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		String database = jdbc.queryForObject("select current_database()", String.class);
		try (Connection server = DriverManager.getConnection(pool.getJdbcUrl().replace("/" + database, "/postgres"),
				pool.getUsername(), pool.getPassword()); Statement statement = server.createStatement()) {
			statement.execute("alter database \"" + database + "\" allow_connections false");
			statement
				.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
		}
	}

}
