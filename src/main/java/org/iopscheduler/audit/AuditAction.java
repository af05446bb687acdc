package org.iopscheduler.audit;

/** What a request did with a participant's records, or with an account's sign-in. */
public enum AuditAction {

	READ_PARTICIPANT(false), READ_SCHEDULE(false), READ_DOSAGE(false), READ_ENROLLMENTS(false), READ_ATTENDANCE(false),
	READ_ATTENDANCE_HISTORY(false), EXPORT_DOSAGE(false), READ_ROSTER(false),

	// contact consent and the messages of the notification outbox
	READ_CONSENT(false), READ_NOTIFICATIONS(false),

	// the audit log's page and CSV: who read whose records is itself about participants
	READ_AUDIT_LOG(false),

	CREATE_PARTICIPANT(true), ENROL(true), CHANGE_PLAN(true), DISCHARGE(true), MARK_ATTENDANCE(true), ADD_MAKE_UP(true),
	CANCEL_SESSION(true), REINSTATE_SESSION(true), GIVE_CONSENT(true), WITHDRAW_CONSENT(true),

	// "I can't come": a participant's notice, from a reminder's link or signed in
	GIVE_ABSENCE_NOTICE(true), READ_ABSENCE_NOTICES(false),

	// an account's sign-in changed: the participant named when the account is one, else
	// none
	CHANGE_PASSWORD(true), RESET_PASSWORD(true), UNLOCK_ACCOUNT(true),

	// a calendar feed's secret address issued (or replaced) or revoked: a new way in to a
	// schedule, named like a sign-in change
	ISSUE_CALENDAR_FEED(true), REVOKE_CALENDAR_FEED(true);

	private final boolean change;

	AuditAction(boolean change) {
		this.change = change;
	}

	public boolean isChange() {
		return change;
	}

}
