package org.iopscheduler.notification;

import java.util.Optional;

/**
 * Whoever carries a text message to a mobile number (a gateway, an SMS vendor). The
 * service ships one: {@link WebhookSms}, a generic HTTP webhook.
 */
public interface SmsProvider {

	/** Why no text can be sent now, or empty. */
	Optional<String> notConfigured();

	/** Sends one text to one E.164 number; throws {@link DeliveryFailed} when refused. */
	void send(String to, String text);

}
