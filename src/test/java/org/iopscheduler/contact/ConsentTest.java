package org.iopscheduler.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.notification.NewMessage;
import org.iopscheduler.notification.Notification;
import org.iopscheduler.notification.NotificationKind;
import org.iopscheduler.notification.NotificationStatus;
import org.iopscheduler.notification.Outbox;
import org.iopscheduler.notification.OutboxWorker;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Consent to be contacted: recorded per channel with its address, validated, readable
 * only by staff and the participant, and the condition of every message. This context has
 * no mail server nor SMS webhook configured.
 */
class ConsentTest extends ApplicationTest {

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxWorker worker;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aCoordinatorRecordsConsentWithWhoAndWhenAndTheParticipantReadsIt() {
		Person pat = participant();

		Api.Reply given = coordinator.put("/api/participants/" + pat.id() + "/consents/EMAIL",
				Api.body("address", " pat@example.org "));

		assertThat(given.status()).isEqualTo(200);
		assertThat(given.json().get("address").asString()).isEqualTo("pat@example.org");
		assertThat(given.json().get("active").asBoolean()).isTrue();
		assertThat(given.json().get("givenAt").asString()).isEqualTo(NOW.toString());
		assertThat(given.json().get("givenBy").asLong()).isPositive();
		JsonNode mine = pat.api().get("/api/me/consents").json();
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("channel").asString()).isEqualTo("EMAIL");
		assertThat(pat.api().get("/api/participants/" + pat.id() + "/consents").json()).hasSize(1);
	}

	@Test
	void aNewAddressReplacesTheActiveConsentAndWithdrawalKeepsTheHistory() {
		Person pat = participant();
		String consents = "/api/participants/" + pat.id() + "/consents";
		coordinator.put(consents + "/SMS", Api.body("address", "+15551234567"));
		coordinator.put(consents + "/SMS", Api.body("address", "+15557654321"));
		// the same address again changes nothing
		coordinator.put(consents + "/SMS", Api.body("address", "+15557654321"));

		JsonNode history = coordinator.get(consents).json();
		assertThat(history).hasSize(2);
		assertThat(history.valueStream().filter(c -> c.get("active").asBoolean()).toList()).hasSize(1)
			.allSatisfy(c -> assertThat(c.get("address").asString()).isEqualTo("+15557654321"));

		assertThat(coordinator.delete(consents + "/SMS").status()).isEqualTo(204);
		history = coordinator.get(consents).json();
		assertThat(history).hasSize(2).allSatisfy(c -> {
			assertThat(c.get("active").asBoolean()).isFalse();
			assertThat(c.get("withdrawnBy").asLong()).isPositive();
		});
	}

	@Test
	void aParticipantGivesAndWithdrawsTheirOwnConsent() {
		Person pat = participant();

		assertThat(pat.api()
			.put("/api/me/consents/EMAIL", Api.body("address", "me@example.org"))
			.json()
			.get("givenBy")
			.asLong()).isEqualTo(pat.id());
		assertThat(pat.api().delete("/api/me/consents/EMAIL").status()).isEqualTo(204);
		assertThat(pat.api().get("/api/me/consents").json().get(0).get("withdrawnBy").asLong()).isEqualTo(pat.id());
	}

	@Test
	void aBadEmailAddressIsRefused400NamingTheFieldAndTheRule() {
		Person pat = participant();

		for (String bad : new String[] { "pat", "pat@", "pat@example", "a b@example.org",
				"x".repeat(250) + "@example.org" }) {
			Api.Reply refused = coordinator.put("/api/participants/" + pat.id() + "/consents/EMAIL",
					Api.body("address", bad));
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.json().get("field").asString()).isEqualTo("address");
			assertThat(refused.json().get("rule").asString()).isEqualTo("consent.email-invalid");
		}
		assertThat(coordinator.get("/api/participants/" + pat.id() + "/consents").json()).isEmpty();
	}

	@Test
	void aNumberThatIsNotE164IsRefused400NamingTheFieldAndTheRule() {
		Person pat = participant();

		for (String bad : new String[] { "5551234567", "+1 555 123 4567", "+1234567", "+1234567890123456",
				"+1555abc4567" }) {
			Api.Reply refused = coordinator.put("/api/participants/" + pat.id() + "/consents/SMS",
					Api.body("address", bad));
			assertThat(refused.status()).as(bad).isEqualTo(400);
			assertThat(refused.json().get("field").asString()).isEqualTo("address");
			assertThat(refused.json().get("rule").asString()).isEqualTo("consent.phone-invalid");
		}
		Api.Reply missing = coordinator.put("/api/participants/" + pat.id() + "/consents/SMS", Api.body());
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("rule").asString()).isEqualTo("consent.address-required");
	}

	@Test
	void aParticipantCannotReadAnothersConsents404() {
		Person pat = participant();
		Person other = participant();
		coordinator.put("/api/participants/" + other.id() + "/consents/EMAIL", Api.body("address", "o@example.org"));

		assertThat(pat.api().get("/api/participants/" + other.id() + "/consents").status()).isEqualTo(404);
		assertThat(pat.api()
			.put("/api/participants/" + other.id() + "/consents/EMAIL", Api.body("address", "pat@example.org"))
			.status()).isEqualTo(403);
		assertThat(pat.api().delete("/api/participants/" + other.id() + "/consents/EMAIL").status()).isEqualTo(403);
	}

	@Test
	void nothingIsSentWithoutConsent() {
		Person pat = participant();
		long id = enqueue(pat.id(), ContactChannel.EMAIL);

		worker.runOnce();

		Notification message = message(id);
		assertThat(message.status()).isEqualTo(NotificationStatus.SKIPPED);
		assertThat(message.reason()).isEqualTo("no consent to be contacted by e-mail");
	}

	@Test
	void withdrawingConsentSkipsAPendingMessageAtOnce() {
		Person pat = participant();
		coordinator.put("/api/participants/" + pat.id() + "/consents/SMS", Api.body("address", "+15551234567"));
		long id = enqueue(pat.id(), ContactChannel.SMS);

		pat.api().delete("/api/me/consents/SMS");

		Notification message = message(id);
		assertThat(message.status()).isEqualTo(NotificationStatus.SKIPPED);
		assertThat(message.reason()).isEqualTo("consent to be contacted this way was withdrawn");
	}

	@Test
	void aMessageOnAChannelThatIsNotConfiguredIsSkippedSayingSo() {
		Person pat = participant();
		coordinator.put("/api/participants/" + pat.id() + "/consents/EMAIL", Api.body("address", "p@example.org"));
		coordinator.put("/api/participants/" + pat.id() + "/consents/SMS", Api.body("address", "+15551234567"));
		long email = enqueue(pat.id(), ContactChannel.EMAIL);
		long sms = enqueue(pat.id(), ContactChannel.SMS);

		worker.runOnce();

		assertThat(message(email).reason()).isEqualTo("e-mail is not configured");
		assertThat(message(email).status()).isEqualTo(NotificationStatus.SKIPPED);
		assertThat(message(sms).reason()).isEqualTo("SMS is not configured");
	}

	private long enqueue(long participantId, ContactChannel channel) {
		String key = "test:" + unique("k");
		new TransactionTemplate(transactions).executeWithoutResult(status -> outbox
			.enqueue(new NewMessage(NotificationKind.NOTICE_TO_COUNSELOR, channel, participantId, participantId, null,
					null, key, "A note", "Please call the front desk.", Instant.parse("2026-11-25T11:00:00Z"))));
		return outbox.list(participantId, null, null, 50)
			.stream()
			.filter(n -> n.dedupeKey().equals(key))
			.findFirst()
			.orElseThrow()
			.id();
	}

	private Notification message(long id) {
		return outbox.list(null, null, null, 500).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
	}

}
