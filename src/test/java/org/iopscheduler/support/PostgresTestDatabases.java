package org.iopscheduler.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The postgres Maven profile runs every test that starts the application (SpringBootTest,
 * DataJpaTest) against the real PostgreSQL server instead of H2. Each application context
 * gets a database of its own, created here before the context starts and migrated by
 * Flyway like a real installation; all of them are dropped when the test run ends.
 * Without the system property {@code iop.test.postgres} (the server's JDBC URL without a
 * database) nothing changes.
 *
 * <p>
 * The properties set here win over a test's own {@code spring.datasource.*} and over
 * DataJpaTest's embedded replacement: under this profile no test may quietly stay on H2.
 */
public class PostgresTestDatabases implements EnvironmentPostProcessor {

	static final String SERVER = "iop.test.postgres";

	private static final String RUN = "iop_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private static final List<String> CREATED = new CopyOnWriteArrayList<>();

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String server = System.getProperty(SERVER);
		if (server == null || server.isBlank()) {
			return;
		}
		int number = COUNTER.incrementAndGet();
		if (number == 1) {
			// a run that does not end through the JUnit launcher (an IDE, a crash) still
			// cleans up
			Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabases::dropAll, "drop-test-databases"));
		}
		String name = RUN + "_" + number;
		execute(server, "create database " + name);
		CREATED.add(name);
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", withDatabase(server, name));
		properties.put("spring.datasource.username", user());
		properties.put("spring.datasource.password", password());
		properties.put("spring.datasource.driver-class-name", "org.postgresql.Driver");
		properties.put("spring.test.database.replace", "none");
		// every cached test context keeps a pool open; a small one keeps the run under
		// max_connections
		properties.put("spring.datasource.hikari.maximum-pool-size", "6");
		properties.put("spring.datasource.hikari.minimum-idle", "0");
		properties.put("spring.datasource.hikari.idle-timeout", "10000");
		environment.getPropertySources().addFirst(new MapPropertySource("postgresTestDatabase", properties));
	}

	/**
	 * Drops this run's databases; open pools are cut off (WITH FORCE, PostgreSQL 13+).
	 */
	static synchronized void dropAll() {
		String server = System.getProperty(SERVER);
		for (String name : CREATED) {
			execute(server, "drop database if exists " + name + " with (force)");
			CREATED.remove(name);
		}
	}

	private static String withDatabase(String server, String database) {
		int query = server.indexOf('?');
		String base = query < 0 ? server : server.substring(0, query);
		String params = query < 0 ? "" : server.substring(query);
		return (base.endsWith("/") ? base : base + "/") + database + params;
	}

	private static void execute(String server, String sql) {
		try (Connection connection = DriverManager.getConnection(withDatabase(server, "postgres"), user(), password());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL at " + server + " refused: " + sql, e);
		}
	}

	private static String user() {
		return System.getProperty(SERVER + ".username", "postgres");
	}

	private static String password() {
		return System.getProperty(SERVER + ".password", "");
	}

	/**
	 * Registered with the JUnit Platform: the end of the test run drops what was created.
	 */
	public static class DropAtEnd implements LauncherSessionListener {

		@Override
		public void launcherSessionClosed(LauncherSession session) {
			if (System.getProperty(SERVER) != null) {
				dropAll();
			}
		}

	}

}
