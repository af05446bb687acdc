package org.iopscheduler.notification;

import java.util.Optional;

/**
 * A reason, checked just before sending, for which a message is no longer to be sent (the
 * session was cancelled since it was planned, the participant left its roster). Every
 * bean of this type is asked; the first reason wins and the message is SKIPPED with it.
 */
public interface DeliveryCheck {

	/** The reason not to send it any more, in words for the outbox page, or empty. */
	Optional<String> skip(Notification message);

}
