package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.doAnswer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * More than 25 programs go to calendar making in groups, two at once. When one group
 * fails (here a lock wait that timed out) while the other is in the middle of its reads
 * and writes, the other finishes untouched and the database keeps serving. On an H2 file
 * database, as in production without PostgreSQL: H2 closes its file when a thread is
 * interrupted during I/O, and every later request failed (sign-ins with a misleading
 * 401).
 */
@TestPropertySource(properties = { "iop.calendar.making-threads=2",
		"spring.datasource.url=jdbc:h2:file:./target/h2-calendar-failure/iop-${random.uuid};DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" })
class CalendarMakingFailureTest extends ApplicationTest {

	static final String DECEMBER = "/api/calendar/sessions?from=2026-12-01&to=2026-12-31";

	@MockitoSpyBean
	SessionMaker maker;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void aFailingGroupLeavesTheOtherGroupToFinishAndTheDatabaseServing() throws Exception {
		Person counselor = counselor();
		List<Long> programs = new ArrayList<>();
		for (int i = 0; i < 2 * CalendarMaking.PROGRAMS_AT_ONCE; i++) {
			long program = program("ADULT", "America/Chicago");
			// one counselor for all: a slot of its own for each block, 7 days x
			// 08:00..15:00
			block(program, counselor.id(), java.time.DayOfWeek.of(1 + i % 7).name(),
					String.format("%02d:00", 8 + i / 7), 60);
			programs.add(program);
		}
		long failing = programs.get(0);
		long other = programs.get(CalendarMaking.PROGRAMS_AT_ONCE);
		CountDownLatch otherStarted = new CountDownLatch(1);
		AtomicBoolean failOnce = new AtomicBoolean(true);
		doAnswer(call -> {
			Collection<Long> group = call.getArgument(0);
			if (group.contains(failing) && failOnce.getAndSet(false)) {
				assertThat(otherStarted.await(30, TimeUnit.SECONDS)).as("the other group started").isTrue();
				throw new CannotAcquireLockException("lock wait timed out making sessions");
			}
			if (group.contains(other)) {
				otherStarted.countDown();
			}
			return call.callRealMethod();
		}).when(maker).ensure(anyCollection(), any(LocalDate.class), any(LocalDate.class));

		Api.Reply failed = coordinator.post(DECEMBER, null);

		assertThat(failed.status()).as(failed.toString()).isEqualTo(409);
		assertThat(failed.contentType()).startsWith("application/problem+json");
		// the other group ran to its end: every one of its programs has its December
		// sessions
		for (long program : programs.subList(CalendarMaking.PROGRAMS_AT_ONCE, programs.size())) {
			assertThat(sessions(program)).as("sessions of program %d", program).isBetween(4L, 5L);
		}
		assertThat(sessions(failing)).isZero();
		// and the database still serves: sign-in, reads, readiness, and the second call
		// makes what is missing
		assertThat(coordinator.get("/api/programs").json()).hasSize(programs.size());
		assertThat(new Api(port, null, null).get("/actuator/health/readiness").status()).isEqualTo(200);
		Api.Reply again = coordinator.post(DECEMBER, null);
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().get("sessionsMade").asInt()).isPositive();
		assertThat(sessions(failing)).isBetween(4L, 5L);
	}

	/**
	 * Should H2 be closed by an interrupt all the same, the pool drops each connection to
	 * the closed database when it fails (ClosedDatabaseConnections) instead of handing it
	 * out again for ever, and new connections open the file again.
	 */
	@Test
	void connectionsToADatabaseThatH2ClosedAreReplacedByOnesThatOpenItAgain() throws Exception {
		Person counselor = counselor();
		int programs = coordinator.get("/api/programs").json().size();
		boolean h2 = jdbc
			.execute((ConnectionCallback<Boolean>) c -> "H2".equals(c.getMetaData().getDatabaseProductName()));

		boolean closed = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
			Thread.currentThread().interrupt();
			try (Statement statement = connection.createStatement()) {
				statement.executeUpdate("update account set full_name = 'Interrupted' where id = " + counselor.id());
				return false;
			}
			catch (SQLException closedByTheInterrupt) {
				return true;
			}
			finally {
				Thread.interrupted();
			}
		});
		// H2 closes its file on an interrupt during I/O; PostgreSQL's driver pays no
		// attention to one
		assertThat(closed).isEqualTo(h2);

		// every connection of the pool is used once, as requests would: the dead ones
		// fail once and are dropped
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				Connection connection = pool.getConnection();
				held.add(connection);
				try (Statement statement = connection.createStatement()) {
					statement.execute("select count(*) from program");
				}
				catch (SQLException dead) {
					// the pool now knows
				}
			}
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}

		assertThat(new Api(port, null, null).get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(coordinator.get("/api/programs").json()).hasSize(programs);
		assertThat(counselor.api().get("/api/programs").status()).isEqualTo(200);
	}

	private long sessions(long program) {
		return jdbc.queryForObject("select count(*) from dated_session where program_id = ?", Long.class, program);
	}

}
