package org.iopscheduler.notification;

/** Why a message is sent; the planner composes each kind's neutral wording. */
public enum NotificationKind {

	/** a session is coming up (24 h, 2 h before) */
	REMINDER,
	/** a session was cancelled or moved */
	SESSION_CHANGED,
	/** a counselor's list of participants at risk of an under-dosed week */
	AT_RISK_DIGEST,
	/** something a counselor should know (a participant cannot come) */
	NOTICE_TO_COUNSELOR

}
