package org.iopscheduler.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.iopscheduler.audit.Access;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.audit.web.AuditedHandlers.Line;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Reads' audit lines are committed in batches of many requests, each request answered
 * only once its own lines are committed; commits are counted, not time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReadLinesGroupCommitTest {

	static final int REQUESTS = 20;

	final AuditLog auditLog = mock(AuditLog.class);

	final PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);

	final ReadLinesGroupCommit group = new ReadLinesGroupCommit(
			new StaticListableBeanFactory(Map.of("auditLog", auditLog)).getBeanProvider(AuditLog.class), transactions);

	final ExecutorService requests = Executors.newFixedThreadPool(REQUESTS);

	/** Released by a test: until then the first batch's insert does not return. */
	final CountDownLatch firstInsertMayReturn = new CountDownLatch(1);

	final CountDownLatch firstInsertStarted = new CountDownLatch(1);

	/** Lines in each insert, in order. */
	final List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());

	@AfterEach
	void stop() {
		requests.shutdownNow();
	}

	@Test
	void aLoneReadIsCommittedAtOnceWithoutWaitingForOthers() {
		group.store(List.of(line(1)));

		verify(auditLog).recordAll(List.of(new AuditLog.Entry(access(), 1L)));
		verify(transactions).commit(any());
	}

	@Test
	void concurrentReadsAreStoredInFewerCommitsThanRequests() throws Exception {
		theFirstInsertWaits(entries -> {
		});

		List<CompletableFuture<Void>> answers = readsWhileTheFirstBatchIsWritten();
		firstInsertMayReturn.countDown();
		for (CompletableFuture<Void> answer : answers) {
			answer.get();
		}

		verify(transactions, times(2)).commit(any());
		assertThat(sizes).as("every read queued behind the first, in one batch").containsExactly(1, REQUESTS - 1);
		assertThat(group.commits()).isEqualTo(2);
	}

	@Test
	void aFailingBatchRefusesEveryRequestInItAndCommitsNothingOfIt() throws Exception {
		theFirstInsertWaits(entries -> {
			throw new DataAccessResourceFailureException("audit table unavailable");
		});

		List<CompletableFuture<Void>> answers = readsWhileTheFirstBatchIsWritten();
		firstInsertMayReturn.countDown();
		for (CompletableFuture<Void> answer : answers.subList(1, answers.size())) {
			assertThat(answer).failsWithin(30, TimeUnit.SECONDS)
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(AuditUnavailable.class);
		}
		answers.get(0).get();

		verify(transactions, times(1)).commit(any());
		verify(transactions, times(1)).rollback(any());
		assertThat(group.commits()).isOne();
	}

	@Test
	void aBatchHoldsAtMostItsBoundOfRequests() throws Exception {
		theFirstInsertWaits(entries -> {
		});
		int many = ReadLinesGroupCommit.BATCH + 5;
		ExecutorService crowd = Executors.newFixedThreadPool(many);
		try {
			CompletableFuture<Void> first = CompletableFuture.runAsync(() -> group.store(List.of(line(0))), crowd);
			firstInsertStarted.await();
			List<CompletableFuture<Void>> queued = new ArrayList<>();
			for (int i = 1; i < many; i++) {
				long id = i;
				queued.add(CompletableFuture.runAsync(() -> group.store(List.of(line(id))), crowd));
			}
			awaitQueued(many - 1);
			firstInsertMayReturn.countDown();
			first.get();
			for (CompletableFuture<Void> answer : queued) {
				answer.get();
			}
		}
		finally {
			crowd.shutdownNow();
		}

		assertThat(sizes).containsExactly(1, ReadLinesGroupCommit.BATCH, many - 1 - ReadLinesGroupCommit.BATCH);
	}

	/**
	 * Each insert's number of lines is noted; the first one (the lone leader's) holds on
	 * until released and is stored, the next ones do what {@code then} says.
	 */
	private void theFirstInsertWaits(Consumer<List<AuditLog.Entry>> then) {
		doAnswer(invocation -> {
			List<AuditLog.Entry> entries = invocation.getArgument(0);
			sizes.add(entries.size());
			if (sizes.size() == 1) {
				firstInsertStarted.countDown();
				firstInsertMayReturn.await();
				return null;
			}
			then.accept(entries);
			return null;
		}).when(auditLog).recordAll(any());
	}

	/**
	 * One read leads and is held in its insert; the others queue behind it. The first
	 * answer is the leader's.
	 */
	private List<CompletableFuture<Void>> readsWhileTheFirstBatchIsWritten() throws InterruptedException {
		List<CompletableFuture<Void>> answers = new ArrayList<>();
		answers.add(CompletableFuture.runAsync(() -> group.store(List.of(line(0))), requests));
		firstInsertStarted.await();
		for (int i = 1; i < REQUESTS; i++) {
			long id = i;
			answers.add(CompletableFuture.runAsync(() -> group.store(List.of(line(id))), requests));
		}
		awaitQueued(REQUESTS - 1);
		verify(transactions, never()).rollback(any());
		return answers;
	}

	private void awaitQueued(int count) {
		while (group.queued() < count) {
			Thread.onSpinWait();
		}
	}

	private static Line line(long participantId) {
		return new Line(access(), Set.of(participantId));
	}

	private static Access access() {
		return new Access(7, "COORDINATOR", AuditAction.READ_SCHEDULE, "GET", "/api/participants/1/schedule");
	}

}
