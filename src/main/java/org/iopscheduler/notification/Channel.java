package org.iopscheduler.notification;

import java.util.Optional;

import org.iopscheduler.contact.ContactChannel;

/** One way of delivering a message to one address. */
public interface Channel {

	ContactChannel channel();

	/** Why nothing can be sent this way now (no server configured), or empty. */
	Optional<String> notConfigured();

	/**
	 * Sends to one recipient; throws {@link DeliveryFailed} (or any runtime exception)
	 * when the server refused or could not be reached: the message is tried again later.
	 */
	void send(String address, String subject, String body);

}
