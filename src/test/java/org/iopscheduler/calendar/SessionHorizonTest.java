package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.iopscheduler.people.People;
import org.iopscheduler.people.Role;
import org.iopscheduler.program.Population;
import org.iopscheduler.program.Programs;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Asking again for days whose sessions are made costs one small query, until the
 * program's calendar changes; the horizons are kept in the database, not in the instance.
 */
@Import(SessionHorizonTest.CountStatements.class)
class SessionHorizonTest extends ApplicationTest {

	static final AtomicLong STATEMENTS = new AtomicLong();

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

	static final LocalDate SUNDAY = MONDAY.plusDays(6);

	/**
	 * Counts the statements prepared on every connection of the application's data
	 * source.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountStatements {

		@Bean
		static BeanPostProcessor countingDataSource() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof DataSource dataSource)) {
						return bean;
					}
					return new DelegatingDataSource(dataSource) {

						@Override
						public Connection getConnection() throws SQLException {
							return counting(super.getConnection());
						}

					};
				}

			};
		}

		static Connection counting(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
							STATEMENTS.incrementAndGet();
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException e) {
							throw e.getCause();
						}
					});
		}

	}

	@Autowired
	SessionMaker maker;

	@Autowired
	Programs programs;

	@Autowired
	Blocks blocks;

	@Autowired
	Closures closures;

	@Autowired
	People people;

	@Autowired
	JdbcTemplate jdbc;

	long program;

	long counselor;

	@BeforeEach
	void aProgramWithOneBlock() {
		program = programs.create(unique("Horizon "), Population.ADULT, "America/Chicago", null).getId();
		counselor = people.createStaff(unique("c"), "password-123", "C", Role.COUNSELOR).getId();
		block(DayOfWeek.MONDAY);
	}

	long block(DayOfWeek day) {
		return blocks
			.create(program,
					new BlockDefinition(BlockType.GROUP, "Group", day, LocalTime.of(9, 0), 180, counselor, "Room 1",
							null, 10, null))
			.getId();
	}

	long statementsOf(Runnable work) {
		long before = STATEMENTS.get();
		work.run();
		return STATEMENTS.get() - before;
	}

	@Test
	void aSecondEnsureOfTheSameDaysRunsOneStatementAndMakesNothing() {
		assertThat(maker.ensure(program, MONDAY, SUNDAY.plusWeeks(2))).isEqualTo(3);
		int[] made = new int[1];
		assertThat(statementsOf(() -> made[0] = maker.ensure(program, MONDAY, SUNDAY.plusWeeks(2)))).isEqualTo(1);
		assertThat(made[0]).isZero();
		// days inside the horizon, too
		assertThat(statementsOf(() -> made[0] = maker.ensure(program, MONDAY.plusWeeks(1), SUNDAY.plusWeeks(1))))
			.isEqualTo(1);
		assertThat(made[0]).isZero();
	}

	@Test
	void adjoiningDaysWidenTheHorizon() {
		maker.ensure(program, MONDAY, SUNDAY);
		assertThat(maker.ensure(program, MONDAY.plusWeeks(1), SUNDAY.plusWeeks(1))).isEqualTo(1);
		assertThat(statementsOf(() -> maker.ensure(program, MONDAY, SUNDAY.plusWeeks(1)))).isEqualTo(1);
	}

	@Test
	void aNewBlockIsMadeOnTheNextEnsureOfDaysAlreadyMade() {
		maker.ensure(program, MONDAY, SUNDAY.plusWeeks(1));
		block(DayOfWeek.WEDNESDAY);
		assertThat(maker.ensure(program, MONDAY, SUNDAY.plusWeeks(1))).isEqualTo(2);
		assertThat(jdbc.queryForObject("select count(*) from dated_session where program_id = ?", Long.class, program))
			.isEqualTo(4);
	}

	@Test
	void anEndedBlockAndAClosureEachRetireTheHorizon() {
		long wednesday = block(DayOfWeek.WEDNESDAY);
		maker.ensure(program, MONDAY, SUNDAY);
		long version = calendarVersion();
		blocks.end(wednesday, MONDAY.plusWeeks(3));
		assertThat(calendarVersion()).isEqualTo(version + 1);

		LocalDate closed = MONDAY.plusWeeks(2);
		closures.close(program, closed, "Snow", counselor);
		assertThat(calendarVersion()).isEqualTo(version + 2);
		assertThat(statementsOf(() -> maker.ensure(program, MONDAY, SUNDAY))).isGreaterThan(1);
		// the weeks up to the closed day are made: two blocks a week, the closed Monday's
		// one cancelled
		assertThat(maker.ensure(program, MONDAY, SUNDAY.plusWeeks(2))).isEqualTo(3);
		assertThat(jdbc.queryForList("select status from dated_session where program_id = ? and session_date = ?",
				String.class, program, closed))
			.containsExactly("CANCELLED");

		closures.reopen(program, closures.ofProgram(program).get(0).getId());
		assertThat(calendarVersion()).isEqualTo(version + 3);
		assertThat(statementsOf(() -> maker.ensure(program, MONDAY, SUNDAY.plusWeeks(2)))).isGreaterThan(1);
		assertThat(statementsOf(() -> maker.ensure(program, MONDAY, SUNDAY.plusWeeks(2)))).isEqualTo(1);
	}

	@Test
	void aChangedBlockRetiresTheHorizon() {
		long wednesday = block(DayOfWeek.WEDNESDAY);
		maker.ensure(program, MONDAY, SUNDAY.plusWeeks(3));
		blocks.change(wednesday,
				new BlockChange(MONDAY.plusWeeks(2), DayOfWeek.THURSDAY, null, null, null, null, null, null, null));
		assertThat(statementsOf(() -> maker.ensure(program, MONDAY, SUNDAY.plusWeeks(3)))).isGreaterThan(1);
	}

	@Test
	void horizonsAreKeptInTheDatabaseNotInTheInstance(@Autowired ClosureRepository closureRepository,
			@Autowired WeeklyBlockRepository blockRepository, @Autowired SessionHorizons sessionHorizons,
			@Autowired NamedParameterJdbcTemplate named, @Autowired PlatformTransactionManager transactions,
			@Autowired ApplicationEventPublisher events) {
		maker.ensure(program, MONDAY, SUNDAY.plusWeeks(1));
		assertThat(jdbc.queryForList("select made_from from session_horizon where program_id = ?", LocalDate.class,
				program))
			.containsExactly(MONDAY);
		// a maker that has never run, as on another instance or after a restart, asks the
		// database only
		SessionMaker fresh = new SessionMaker(blockRepository, closureRepository, new SessionHorizons(named), jdbc,
				named, transactions, clock, events);
		int[] made = new int[1];
		assertThat(statementsOf(() -> made[0] = fresh.ensure(List.of(program), MONDAY, SUNDAY.plusWeeks(1))))
			.isEqualTo(1);
		assertThat(made[0]).isZero();
	}

	long calendarVersion() {
		return jdbc.queryForObject("select calendar_version from program where id = ?", Long.class, program);
	}

}
