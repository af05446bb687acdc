package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How calendar making runs its groups of programs: a group that fails never interrupts
 * one still running (an interrupt during I/O closes an H2 database file), the call
 * answers only when every group has finished, and it reports the first failure.
 */
class CalendarMakingGroupsTest {

	static final List<Long> FIRST = List.of(1L);

	static final List<Long> SECOND = List.of(2L);

	private final ExecutorService caller = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() throws InterruptedException {
		caller.shutdown();
		caller.awaitTermination(30, TimeUnit.SECONDS);
	}

	@Test
	void aFailingGroupNeverInterruptsAGroupStillRunningAndTheCallWaitsForIt() throws Exception {
		CountDownLatch secondStarted = new CountDownLatch(1);
		CountDownLatch firstFailed = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		AtomicBoolean secondFinished = new AtomicBoolean();
		AtomicBoolean finishedWhenReported = new AtomicBoolean();

		Future<Integer> call = caller.submit(() -> {
			try {
				return CalendarMaking.everyGroup(List.of(FIRST, SECOND), 2, group -> {
					if (group == FIRST) {
						await(secondStarted);
						firstFailed.countDown();
						throw new IllegalStateException("the first group failed");
					}
					secondStarted.countDown();
					try {
						// the second group is still at work (in JDBC, in real life) when
						// the first fails
						release.await();
					}
					catch (InterruptedException e) {
						interrupted.set(true);
					}
					secondFinished.set(true);
					return 7;
				});
			}
			catch (IllegalStateException reported) {
				finishedWhenReported.set(secondFinished.get());
				throw reported;
			}
		});
		await(firstFailed);
		release.countDown();

		assertThatThrownBy(call::get).isInstanceOf(ExecutionException.class)
			.cause()
			.hasMessage("the first group failed");
		assertThat(interrupted).as("the running group was interrupted").isFalse();
		assertThat(finishedWhenReported).as("the call waited for the running group").isTrue();
	}

	@Test
	void afterAFailureNoFurtherGroupStarts() {
		AtomicInteger started = new AtomicInteger();
		assertThatThrownBy(() -> CalendarMaking.everyGroup(List.of(FIRST, SECOND, List.of(3L)), 1, group -> {
			started.incrementAndGet();
			throw new IllegalStateException("group " + group + " failed");
		})).hasMessage("group [1] failed");
		assertThat(started).hasValue(1);
	}

	@Test
	void theFirstFailureInGroupOrderIsReportedWithTheOthersBehindIt() {
		CountDownLatch firstStarted = new CountDownLatch(1);
		CountDownLatch secondFailed = new CountDownLatch(1);
		assertThatThrownBy(() -> CalendarMaking.everyGroup(List.of(FIRST, SECOND), 2, group -> {
			if (group == FIRST) {
				firstStarted.countDown();
				await(secondFailed);
				throw new IllegalStateException("first");
			}
			await(firstStarted);
			secondFailed.countDown();
			throw new IllegalArgumentException("second");
		})).hasMessage("first").satisfies(first -> assertThat(first.getSuppressed()).hasSize(1));
	}

	@Test
	void everyGroupIsMadeAndCountedWhenNoneFails() {
		assertThat(CalendarMaking.everyGroup(List.of(FIRST, SECOND, List.of(3L, 4L)), 2, List::size)).isEqualTo(4);
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).as("waited for the other group").isTrue();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
