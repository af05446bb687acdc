package org.iopscheduler.notification;

import java.util.Optional;

import org.iopscheduler.contact.ContactChannel;
import org.springframework.stereotype.Component;

/**
 * Text messages through the {@link SmsProvider}. A text has no subject: the body alone is
 * sent (the planner writes it to stand alone).
 */
@Component
class SmsChannel implements Channel {

	private final SmsProvider provider;

	SmsChannel(SmsProvider provider) {
		this.provider = provider;
	}

	@Override
	public ContactChannel channel() {
		return ContactChannel.SMS;
	}

	@Override
	public Optional<String> notConfigured() {
		return provider.notConfigured();
	}

	@Override
	public void send(String address, String subject, String body) {
		provider.send(address, body);
	}

}
