package org.iopscheduler.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.contact.Consents;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.people.Account;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.iopscheduler.support.Clinic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox and its worker against a real SMTP server (GreenMail on a local port) and a
 * local HTTP server standing for the SMS webhook. The worker never runs on its own here:
 * each test calls {@link OutboxWorker#runOnce} with the test's clock.
 */
@Import(Clinic.class)
class OutboxTest extends ApplicationTest {

	static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static final String TOKEN = "webhook-test-token";

	static final HttpServer WEBHOOK;

	static final ConcurrentLinkedQueue<Call> CALLS = new ConcurrentLinkedQueue<>();

	static final AtomicInteger ANSWER = new AtomicInteger(200);

	record Call(String authorization, String contentType, String body) {
	}

	static {
		MAIL.start();
		try {
			WEBHOOK = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		WEBHOOK.createContext("/sms", exchange -> {
			CALLS.add(new Call(exchange.getRequestHeaders().getFirst("Authorization"),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(ANSWER.get(), -1);
			exchange.close();
		});
		WEBHOOK.start();
	}

	@DynamicPropertySource
	static void channels(DynamicPropertyRegistry settings) {
		settings.add("spring.mail.host", () -> "127.0.0.1");
		settings.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		settings.add("iop.notifications.mail.from", () -> "reminders@clinic.example");
		settings.add("iop.notifications.sms.url", () -> "http://127.0.0.1:" + WEBHOOK.getAddress().getPort() + "/sms");
		settings.add("iop.notifications.sms.token", () -> TOKEN);
	}

	@AfterAll
	static void stopTheServers() {
		MAIL.stop();
		WEBHOOK.stop(0);
	}

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@Autowired
	Consents consents;

	@Autowired
	Clinic clinic;

	@Autowired
	Sessions sessions;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Environment settings;

	@Autowired
	List<DeliveryCheck> checks;

	@Autowired
	List<Channel> channels;

	TransactionTemplate transactions;

	Account coordinatorAccount;

	@BeforeEach
	void anEmptyOutboxAndQuietServers() throws Exception {
		transactions = new TransactionTemplate(transactionManager);
		jdbc.update("delete from notification");
		MAIL.purgeEmailFromAllMailboxes();
		CALLS.clear();
		ANSWER.set(200);
		if (coordinatorAccount == null) {
			coordinatorAccount = clinic.coordinator();
		}
	}

	@Test
	void enqueueWithoutATransactionIsRefused() {
		Account pat = clinic.participant();

		assertThatThrownBy(() -> outbox.enqueue(message(pat, ContactChannel.EMAIL, "k", NOW)))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(stored()).isZero();
	}

	@Test
	void aDuplicateDedupeKeyIsStoredOnceAndTheCallersTransactionStillCommits() {
		Account pat = clinic.participant();

		List<Boolean> written = transactions
			.execute(status -> List.of(outbox.enqueue(message(pat, ContactChannel.EMAIL, "same", NOW)),
					outbox.enqueue(message(pat, ContactChannel.EMAIL, "same", NOW)),
					outbox.enqueue(message(pat, ContactChannel.EMAIL, "other", NOW))));
		Boolean again = transactions.execute(status -> outbox.enqueue(message(pat, ContactChannel.EMAIL, "same", NOW))
				&& outbox.enqueue(message(pat, ContactChannel.EMAIL, "after", NOW)));

		assertThat(written).containsExactly(true, false, true);
		assertThat(again).isFalse();
		assertThat(keys()).containsExactlyInAnyOrder("same", "other");
	}

	@Test
	void aDuplicateRacingInAnotherOpenTransactionIsDroppedAndTheCallersTransactionStillCommits() throws Exception {
		Account pat = clinic.participant();
		CountDownLatch firstWrote = new CountDownLatch(1);
		CountDownLatch firstMayCommit = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<Boolean> first = threads.submit(() -> transactions.execute(status -> {
				boolean wrote = outbox.enqueue(message(pat, ContactChannel.EMAIL, "raced", NOW));
				firstWrote.countDown();
				await(firstMayCommit);
				return wrote;
			}));
			await(firstWrote);
			Future<Boolean> second = threads.submit(() -> transactions.execute(status -> {
				outbox.enqueue(message(pat, ContactChannel.EMAIL, "second's own", NOW));
				return outbox.enqueue(message(pat, ContactChannel.EMAIL, "raced", NOW));
			}));
			untilDoneOrInserting(second);
			firstMayCommit.countDown();

			assertThat(first.get(20, TimeUnit.SECONDS)).isTrue();
			assertThat(second.get(20, TimeUnit.SECONDS)).isFalse();
		}
		finally {
			firstMayCommit.countDown();
			threads.shutdownNow();
		}
		assertThat(keys()).containsExactlyInAnyOrder("raced", "second's own");
	}

	@Test
	void aDueMessageIsSentOnceAtTheRightInstantNotBefore() {
		Account pat = withConsent(ContactChannel.EMAIL);
		Instant due = NOW.plus(Duration.ofMinutes(10));
		enqueue(message(pat, ContactChannel.EMAIL, "due", due));

		assertThat(worker.runOnce().handled()).isZero();
		clock.set(due.minusSeconds(1));
		assertThat(worker.runOnce().handled()).isZero();
		clock.set(due);
		assertThat(worker.runOnce().sent()).isEqualTo(1);
		clock.advance(Duration.ofHours(1));
		assertThat(worker.runOnce().handled()).isZero();

		assertThat(MAIL.getReceivedMessages()).hasSize(1);
		Notification sent = only();
		assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
		assertThat(sent.sentAt()).isEqualTo(due);
		assertThat(sent.attempts()).isEqualTo(1);
	}

	@Test
	void aFailureIsRetriedWithBackoffOf1And5And30And120MinutesThenFailed() {
		Account pat = withConsent(ContactChannel.SMS);
		enqueue(message(pat, ContactChannel.SMS, "failing", NOW));
		ANSWER.set(503);

		List<Duration> waits = new ArrayList<>();
		for (int attempt = 1; attempt <= 4; attempt++) {
			Instant tried = clock.instant();
			assertThat(worker.runOnce().retried()).isEqualTo(1);
			Notification waiting = only();
			assertThat(waiting.status()).isEqualTo(NotificationStatus.PENDING);
			assertThat(waiting.attempts()).isEqualTo(attempt);
			assertThat(waiting.reason()).isEqualTo("the SMS webhook answered 503");
			waits.add(Duration.between(tried, waiting.nextAttemptAt()));
			// not a moment before
			clock.set(waiting.nextAttemptAt().minusSeconds(1));
			assertThat(worker.runOnce().handled()).isZero();
			clock.set(waiting.nextAttemptAt());
		}
		assertThat(worker.runOnce().failed()).isEqualTo(1);

		assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofMinutes(120));
		Notification failed = only();
		assertThat(failed.status()).isEqualTo(NotificationStatus.FAILED);
		assertThat(failed.attempts()).isEqualTo(5);
		assertThat(failed.reason()).isEqualTo("gave up after 5 attempts: the SMS webhook answered 503");
		assertThat(CALLS).hasSize(5);
		clock.advance(Duration.ofDays(1));
		assertThat(worker.runOnce().handled()).isZero();
	}

	@Test
	void aRetriedMessageIsSentOnceTheServerTakesIt() {
		Account pat = withConsent(ContactChannel.SMS);
		enqueue(message(pat, ContactChannel.SMS, "flaky", NOW));
		ANSWER.set(500);
		worker.runOnce();
		ANSWER.set(202);
		clock.advance(Duration.ofMinutes(1));

		assertThat(worker.runOnce().sent()).isEqualTo(1);
		assertThat(only().status()).isEqualTo(NotificationStatus.SENT);
		assertThat(only().attempts()).isEqualTo(2);
	}

	@Test
	void aClaimWhoseLeaseExpiredIsSentByAnotherWorkerSoARestartBetweenClaimAndSendLosesNothing() {
		Account pat = withConsent(ContactChannel.EMAIL);
		enqueue(message(pat, ContactChannel.EMAIL, "orphan", NOW));
		OutboxWorker died = worker("died");
		OutboxWorker.Claim lost = died.claim();
		assertThat(lost.messages()).hasSize(1);
		OutboxWorker next = worker("next");

		// leased: nobody else takes it meanwhile
		assertThat(next.runOnce().handled()).isZero();
		clock.advance(OutboxWorker.LEASE.plusSeconds(1));
		assertThat(next.runOnce().sent()).isEqualTo(1);
		// the first one, back late, marks nothing: the row is no longer its own
		assertThat(died.deliver(lost.messages().get(0), lost)).isEqualTo(NotificationStatus.PENDING);

		assertThat(only().status()).isEqualTo(NotificationStatus.SENT);
		assertThat(only().attempts()).isEqualTo(1);
	}

	@Test
	void twoWorkersOnOneDatabaseSendEachOf200MessagesExactlyOnce() throws Exception {
		Account pat = withConsent(ContactChannel.EMAIL);
		transactions.executeWithoutResult(status -> {
			for (int i = 0; i < 200; i++) {
				outbox.enqueue(message(pat, ContactChannel.EMAIL, "many-" + i, NOW));
			}
		});
		List<OutboxWorker> workers = List.of(worker("instance-a"), worker("instance-b"));
		ExecutorService threads = Executors.newFixedThreadPool(2);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> sent = new ArrayList<>();
		try {
			for (OutboxWorker w : workers) {
				sent.add(threads.submit(() -> {
					await(start);
					int mine = 0;
					OutboxWorker.Turn turn;
					do {
						turn = w.runOnce();
						mine += turn.sent();
					}
					while (turn.handled() > 0);
					return mine;
				}));
			}
			start.countDown();
			int total = 0;
			for (Future<Integer> each : sent) {
				total += each.get(120, TimeUnit.SECONDS);
			}
			assertThat(total).isEqualTo(200);
		}
		finally {
			threads.shutdownNow();
		}

		Map<String, Long> bySubject = Arrays.stream(MAIL.getReceivedMessages())
			.map(OutboxTest::subject)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(bySubject).hasSize(200).allSatisfy((subject, times) -> assertThat(times).isEqualTo(1L));
		assertThat(jdbc.queryForObject("select count(*) from notification where status = 'SENT'", Integer.class))
			.isEqualTo(200);
	}

	@Test
	void aReminderOfASessionCancelledSinceIsSkippedWithTheReason() {
		Account pat = withConsent(ContactChannel.EMAIL);
		Clinic.Group group = clinic.group(clinic.counselor());
		clinic.enrol(group, pat);
		DatedSession session = clinic.firstSession(group);
		enqueue(reminder(pat, session));
		sessions.cancel(session.getId(), "Counselor ill");
		// skipped at once by the cancellation (SessionNotices), else by the worker's
		// check
		worker.runOnce();

		assertThat(only().status()).isEqualTo(NotificationStatus.SKIPPED);
		assertThat(only().reason()).isEqualTo("the session was cancelled");
		assertThat(MAIL.getReceivedMessages()).isEmpty();
	}

	@Test
	void aMessageAboutASessionToAParticipantNoLongerOnItsRosterIsSkippedWithTheReason() {
		Account enrolled = clinic.participant();
		Account left = withConsent(ContactChannel.EMAIL);
		Clinic.Group group = clinic.group(clinic.counselor());
		clinic.enrol(group, enrolled);
		DatedSession session = clinic.firstSession(group);
		enqueue(reminder(left, session));

		assertThat(worker.runOnce().skipped()).isEqualTo(1);

		assertThat(only().reason()).isEqualTo("the participant is no longer expected at the session");
		assertThat(MAIL.getReceivedMessages()).isEmpty();
	}

	@Test
	void aReminderOfASessionStillOnGoesToTheParticipantOnItsRoster() {
		Account pat = withConsent(ContactChannel.EMAIL);
		Clinic.Group group = clinic.group(clinic.counselor());
		clinic.enrol(group, pat);
		enqueue(reminder(pat, clinic.firstSession(group)));

		assertThat(worker.runOnce().sent()).isEqualTo(1);
	}

	@Test
	void anEmailOverRealSmtpHasOneRecipientAndNoCopies() throws Exception {
		Account pat = withConsent(ContactChannel.EMAIL);
		Account other = withConsent(ContactChannel.EMAIL);
		enqueue(message(pat, ContactChannel.EMAIL, "one", NOW));
		enqueue(message(other, ContactChannel.EMAIL, "two", NOW));

		assertThat(worker.runOnce().sent()).isEqualTo(2);

		MimeMessage[] received = MAIL.getReceivedMessages();
		assertThat(received).hasSize(2);
		for (MimeMessage mail : received) {
			assertThat(mail.getAllRecipients()).hasSize(1);
			assertThat(mail.getRecipients(Message.RecipientType.CC)).isNull();
			assertThat(mail.getRecipients(Message.RecipientType.BCC)).isNull();
			assertThat(mail.getFrom()[0].toString()).isEqualTo("reminders@clinic.example");
			assertThat(((String) mail.getContent()).strip()).isEqualTo("You have an appointment tomorrow.");
		}
		assertThat(Arrays.stream(received).map(m -> address(m)).toList()).containsExactlyInAnyOrder(emailOf(pat),
				emailOf(other));
	}

	@Test
	void theSmsWebhookGetsTheBearerTokenAndJson() {
		Account pat = withConsent(ContactChannel.SMS);
		enqueue(message(pat, ContactChannel.SMS, "text", NOW));

		assertThat(worker.runOnce().sent()).isEqualTo(1);

		assertThat(CALLS).hasSize(1);
		Call call = CALLS.peek();
		assertThat(call.authorization()).isEqualTo("Bearer " + TOKEN);
		assertThat(call.contentType()).isEqualTo("application/json");
		JsonNode body = JsonMapper.builder().build().readTree(call.body());
		assertThat(body.get("to").asString()).isEqualTo(numberOf(pat));
		assertThat(body.get("text").asString()).isEqualTo("You have an appointment tomorrow.");
		assertThat(body.propertyNames()).containsExactly("to", "text");
	}

	@Test
	void inTheDemoOutboxNothingLeavesTheServiceAndTheMessageIsMarkedSentForThePage() {
		Account pat = withConsent(ContactChannel.EMAIL);
		enqueue(message(pat, ContactChannel.EMAIL, "demo", NOW));
		OutboxWorker demo = new OutboxWorker(dataSource, transactionManager, clock,
				new MockEnvironment().withProperty("iop.notifications.delivery", "outbox"), consents, checks, channels,
				"demo");

		assertThat(demo.runOnce().sent()).isEqualTo(1);

		assertThat(only().status()).isEqualTo(NotificationStatus.SENT);
		assertThat(only().reason()).isEqualTo("demo outbox");
		assertThat(MAIL.getReceivedMessages()).isEmpty();
	}

	@Test
	void coordinatorsReadTheOutboxWithTheTextAndCounselorsMayNot() {
		Account pat = withConsent(ContactChannel.EMAIL);
		enqueue(message(pat, ContactChannel.EMAIL, "listed", NOW));
		worker.runOnce();

		Api.Reply list = coordinator.get("/api/notifications?participantId=" + pat.getId() + "&status=SENT");

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json()).hasSize(1);
		JsonNode row = list.json().get(0);
		assertThat(row.get("participantId").asLong()).isEqualTo(pat.getId());
		assertThat(row.get("body").asString()).isEqualTo("You have an appointment tomorrow.");
		assertThat(row.get("status").asString()).isEqualTo("SENT");
		assertThat(row.has("address")).isFalse();
		assertThat(coordinator.get("/api/notifications?status=PENDING").json()).isEmpty();
		assertThat(counselor().api().get("/api/notifications").status()).isEqualTo(403);
	}

	/**
	 * Returns once the task is done or its insert waits for the other transaction's row:
	 * PostgreSQL reports the lock wait; H2 does not name a blocker for it, but shows the
	 * insert executing.
	 */
	private void untilDoneOrInserting(Future<?> task) {
		String sql = jdbc.getDataSource() != null && isPostgres()
				? "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
				: "select count(*) from information_schema.sessions"
						+ " where lower(executing_statement) like 'insert into notification%'";
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!task.isDone() && jdbc.queryForObject(sql, Integer.class) == 0) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the second transaction neither finished nor waited within 20 s");
			}
			Thread.onSpinWait();
		}
	}

	private boolean isPostgres() {
		return Boolean.TRUE.equals(jdbc.execute((
				java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
	}

	private OutboxWorker worker(String instance) {
		return new OutboxWorker(dataSource, transactionManager, clock, settings, consents, checks, channels, instance);
	}

	private Account withConsent(ContactChannel channel) {
		Account pat = clinic.participant();
		consents.give(pat.getId(), channel, channel == ContactChannel.EMAIL ? emailOf(pat) : numberOf(pat),
				coordinatorAccount.getId());
		return pat;
	}

	private static String emailOf(Account pat) {
		return "p" + pat.getId() + "@example.org";
	}

	private static String numberOf(Account pat) {
		return "+1555" + String.format("%07d", pat.getId());
	}

	private static NewMessage message(Account pat, ContactChannel channel, String key, Instant due) {
		return new NewMessage(NotificationKind.NOTICE_TO_COUNSELOR, channel, pat.getId(), pat.getId(), null, null, key,
				"Subject " + key, "You have an appointment tomorrow.", due);
	}

	private static NewMessage reminder(Account pat, DatedSession session) {
		return new NewMessage(NotificationKind.REMINDER, ContactChannel.EMAIL, pat.getId(), pat.getId(),
				session.getId(), 120, NewMessage.reminderKey(session.getId(), pat.getId(), 120, ContactChannel.EMAIL),
				"Appointment", "You have an appointment tomorrow.", NOW);
	}

	private void enqueue(NewMessage message) {
		Boolean written = transactions.execute(status -> outbox.enqueue(message));
		assertThat(written).isTrue();
	}

	private int stored() {
		return jdbc.queryForObject("select count(*) from notification", Integer.class);
	}

	private List<String> keys() {
		return jdbc.queryForList("select dedupe_key from notification", String.class);
	}

	private Notification only() {
		List<Notification> all = outbox.list(null, null, null, 10);
		assertThat(all).hasSize(1);
		return all.get(0);
	}

	private static void await(CountDownLatch latch) {
		try {
			if (!latch.await(60, TimeUnit.SECONDS)) {
				throw new AssertionError("waited a minute for the other thread");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

	private static String address(MimeMessage mail) {
		try {
			return mail.getAllRecipients()[0].toString();
		}
		catch (Exception e) {
			throw new AssertionError(e);
		}
	}

}
