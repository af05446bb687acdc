package org.iopscheduler.notification;

/** A channel could not deliver a message now: it is tried again later. */
public class DeliveryFailed extends RuntimeException {

	public DeliveryFailed(String reason) {
		super(reason);
	}

	public DeliveryFailed(String reason, Throwable cause) {
		super(reason, cause);
	}

}
