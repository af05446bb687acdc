package org.iopscheduler.attendance;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.iopscheduler.attendance.internal.AttendanceMarkRepository;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.support.ClinicFixture;
import org.iopscheduler.support.ClinicFixture.Clinic;
import org.iopscheduler.support.LockWaits;
import org.iopscheduler.system.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "No attendance on a cancelled session" spans two tables, so no single key can hold it.
 * Marking and cancelling both take the session's row lock: whichever comes second waits
 * for the first to commit and then sees what it did. Each test holds one side's
 * transaction open, starts the other side on another thread, lets it reach the lock, and
 * only then commits.
 */
@SpringBootTest
@Import(ClinicFixture.class)
class MarkAndCancelRaceTest {

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Attendance attendance;

	@Autowired
	Sessions sessions;

	@Autowired
	AttendanceMarkRepository marks;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	private final ExecutorService other = Executors.newSingleThreadExecutor();

	/**
	 * Waits for the other request instead of interrupting it: an interrupt during I/O
	 * closes an H2 file.
	 */
	@AfterEach
	void stop() throws InterruptedException {
		other.shutdown();
		other.awaitTermination(30, TimeUnit.SECONDS);
	}

	@Test
	void aMarkThatWaitedForACancellationIsRefused() throws Exception {
		Clinic clinic = fixture.clinic(1);
		long session = clinic.pastSession().getId();
		long participant = clinic.participantIds().get(0);

		Future<?> mark = new TransactionTemplate(transactions).execute(tx -> {
			sessions.cancel(session, "counselor ill");
			Future<?> started = other.submit(() -> attendance.mark(session, participant, AttendanceStatus.PRESENT, null,
					null, clinic.coordinator()));
			LockWaits.untilDoneOrWaitingForALock(started, dataSource, Duration.ofSeconds(20));
			return started;
		});

		assertThatThrownBy(() -> unwrap(mark)).isInstanceOf(RuleViolation.class).hasMessageContaining("cancelled");
		assertThat(marks.findBySessionIdOrderByParticipantId(session)).isEmpty();
	}

	@Test
	void aCancellationThatWaitedForAMarkIsRefused() throws Exception {
		Clinic clinic = fixture.clinic(1);
		long session = clinic.pastSession().getId();
		long participant = clinic.participantIds().get(0);

		Future<?> cancel = new TransactionTemplate(transactions).execute(tx -> {
			attendance.mark(session, participant, AttendanceStatus.PRESENT, null, null, clinic.coordinator());
			Future<?> started = other.submit(() -> sessions.cancel(session, "counselor ill"));
			LockWaits.untilDoneOrWaitingForALock(started, dataSource, Duration.ofSeconds(20));
			return started;
		});

		assertThatThrownBy(() -> unwrap(cancel)).isInstanceOf(RuleViolation.class)
			.hasMessageContaining("attendance recorded");
		assertThat(sessions.get(session).isCancelled()).isFalse();
		assertThat(marks.findBySessionIdOrderByParticipantId(session)).hasSize(1);
	}

	private static Object unwrap(Future<?> future) throws Exception {
		try {
			return future.get();
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw (Exception) e.getCause();
		}
	}

}
