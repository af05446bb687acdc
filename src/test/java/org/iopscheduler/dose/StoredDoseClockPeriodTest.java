package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.config.TriggerTask;
import org.springframework.scheduling.support.SimpleTriggerContext;

/**
 * The clock's period is a setting read at every turn (no bean is chosen by it): changed,
 * the next turn follows it; 0 pauses the work and keeps the schedule.
 */
class StoredDoseClockPeriodTest {

	static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

	final MockEnvironment settings = new MockEnvironment();

	// nothing below may touch the database: with no stored weeks, work would fail
	final StoredDoseClock doseClock = new StoredDoseClock(null, new DriverManagerDataSource(), null,
			Clock.fixed(NOW, ZoneOffset.UTC), settings);

	final TriggerTask turn;

	StoredDoseClockPeriodTest() {
		settings.setConversionService(new ApplicationConversionService());
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		doseClock.configureTasks(registrar);
		turn = registrar.getTriggerTaskList().get(0);
	}

	Instant nextTurn() {
		return turn.getTrigger().nextExecution(new SimpleTriggerContext(Clock.fixed(NOW, ZoneOffset.UTC)));
	}

	@Test
	void theClockTurnsEveryMinuteUnlessSetOtherwise() {
		assertThat(doseClock.period()).isEqualTo(Duration.ofMinutes(1));
		assertThat(nextTurn()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
	}

	@Test
	void theClockFollowsItsPeriodChangedWhileRunning() {
		settings.setProperty(StoredDoseClock.PERIOD, "30s");
		assertThat(nextTurn()).isEqualTo(NOW.plusSeconds(30));
		settings.setProperty(StoredDoseClock.PERIOD, "5m");
		assertThat(nextTurn()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void aPeriodOfZeroPausesTheWorkAndKeepsTheSchedule() {
		settings.setProperty(StoredDoseClock.PERIOD, "0");
		turn.getRunnable().run();
		assertThat(nextTurn()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
	}

}
