package org.iopscheduler.system;

import java.time.Duration;
import java.time.Instant;

import org.springframework.core.env.Environment;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * How often a piece of work runs on its own (the stored dose's clock, the outbox, the
 * reminder planner): a duration setting read at every turn, so an operator changes it
 * without a restart. Zero (or less) pauses the work, not the schedule, which looks again
 * every {@code whilePaused}; the tests pause it and turn the work by hand.
 */
public record Periodic(Environment settings, String name, Duration byDefault, Duration whilePaused) {

	public Duration period() {
		return settings.getProperty(name, Duration.class, byDefault);
	}

	public boolean running() {
		Duration period = period();
		return !period.isZero() && !period.isNegative();
	}

	/**
	 * Schedules the work: each turn one period after the last one ended, the first
	 * {@code first} after start (null: one period); a turn while paused does nothing.
	 */
	public void schedule(ScheduledTaskRegistrar registrar, Runnable work, Duration first) {
		registrar.addTriggerTask(() -> {
			if (running()) {
				work.run();
			}
		}, turn -> {
			Instant last = turn.lastCompletion();
			Duration wait = running() ? period() : whilePaused;
			return last == null ? turn.getClock().instant().plus(first != null ? first : wait) : last.plus(wait);
		});
	}

}
