package org.iopscheduler.notification;

/** Where a message stands; only PENDING ones are ever sent. */
public enum NotificationStatus {

	PENDING, SENT, FAILED, SKIPPED

}
