package org.iopscheduler.notification;

import java.util.Map;
import java.util.Optional;

import org.iopscheduler.contact.Consent;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.contact.Consents;
import org.springframework.stereotype.Component;

/**
 * How a participant is reached: one message each, on one channel. A text reaches a phone
 * at once, so SMS when they consented to it, else e-mail; nothing without consent.
 */
@Component
class Recipients {

	private final Consents consents;

	Recipients(Consents consents) {
		this.consents = consents;
	}

	Optional<ContactChannel> channelOf(long participantId) {
		Map<ContactChannel, Consent> current = consents.current(participantId);
		if (current.containsKey(ContactChannel.SMS)) {
			return Optional.of(ContactChannel.SMS);
		}
		return current.containsKey(ContactChannel.EMAIL) ? Optional.of(ContactChannel.EMAIL) : Optional.empty();
	}

}
