package org.iopscheduler.audit.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.audit.web.AuditedHandlers.Line;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores the audit lines of reads, many requests' in one transaction: a commit (an fsync
 * on H2, a WAL flush on PostgreSQL) per batch instead of per request. A request waits
 * until its own lines are committed, so nothing is sent whose line is not stored; when a
 * batch fails every request in it is refused with the same 503 and the batch stores
 * nothing.
 * <p>
 * Leader and followers, no timer: the first waiting request that finds no batch being
 * written writes everything queued (up to {@link #BATCH} requests) and the others wait on
 * its result; whoever is still queued when it finishes leads the next batch. A lone
 * request writes its own lines at once.
 */
@Component
class ReadLinesGroupCommit {

	/** Requests per batch: bounds a batch's statement and how long its leader works. */
	static final int BATCH = 64;

	/** One request's lines and, once its batch is done, how it went. */
	private static final class Waiting {

		final List<AuditLog.Entry> entries;

		boolean done;

		boolean stored;

		Waiting(List<AuditLog.Entry> entries) {
			this.entries = entries;
		}

	}

	private final ObjectProvider<AuditLog> auditLog;

	private final TransactionTemplate ownTransaction;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition batchDone = lock.newCondition();

	private final Queue<Waiting> queue = new ArrayDeque<>();

	private boolean writing;

	private final AtomicLong commits = new AtomicLong();

	ReadLinesGroupCommit(ObjectProvider<AuditLog> auditLog, PlatformTransactionManager transactions) {
		this.auditLog = auditLog;
		this.ownTransaction = new TransactionTemplate(transactions);
		// never a caller's transaction: the batch holds other requests' lines too
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Returns once the lines are committed; throws {@link AuditUnavailable} when they
	 * could not be.
	 */
	void store(List<Line> lines) {
		List<AuditLog.Entry> entries = entries(lines);
		if (entries.isEmpty()) {
			return;
		}
		Waiting mine = new Waiting(entries);
		lock.lock();
		try {
			queue.add(mine);
			while (!mine.done) {
				if (writing) {
					batchDone.awaitUninterruptibly();
					continue;
				}
				writing = true;
				List<Waiting> batch = new ArrayList<>();
				while (!queue.isEmpty() && batch.size() < BATCH) {
					batch.add(queue.poll());
				}
				lock.unlock();
				boolean stored = false;
				try {
					stored = write(batch);
				}
				finally {
					lock.lock();
					finished(batch, stored);
				}
			}
		}
		finally {
			lock.unlock();
		}
		if (!mine.stored) {
			throw new AuditUnavailable(false);
		}
	}

	private void finished(List<Waiting> batch, boolean stored) {
		for (Waiting waiting : batch) {
			waiting.done = true;
			waiting.stored = stored;
		}
		writing = false;
		batchDone.signalAll();
	}

	/** Requests waiting for a batch to take them. */
	int queued() {
		lock.lock();
		try {
			return queue.size();
		}
		finally {
			lock.unlock();
		}
	}

	/** Batches committed since the start: what a test counts. */
	long commits() {
		return commits.get();
	}

	private boolean write(List<Waiting> batch) {
		List<AuditLog.Entry> all = new ArrayList<>();
		batch.forEach(waiting -> all.addAll(waiting.entries));
		try {
			ownTransaction.executeWithoutResult(status -> auditLog.getObject().recordAll(all));
			commits.incrementAndGet();
			return true;
		}
		catch (RuntimeException failure) {
			// AuditLog logged the kind of failure; no logger here (web: records carry
			// participants' data)
			return false;
		}
	}

	private static List<AuditLog.Entry> entries(List<Line> lines) {
		List<AuditLog.Entry> entries = new ArrayList<>();
		for (Line line : lines) {
			if (line.participantIds() == null) {
				entries.add(new AuditLog.Entry(line.access(), null));
			}
			else {
				line.participantIds().forEach(id -> entries.add(new AuditLog.Entry(line.access(), id)));
			}
		}
		return entries;
	}

}
