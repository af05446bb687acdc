package org.iopscheduler.audit;

/**
 * Whether an account is a participant's, for a line about an account rather than a record
 * (a password reset, an unlock): a participant's is named, a member of staff's is not.
 * Declared here and answered by people, so the log does not depend on accounts.
 */
public interface ParticipantAccounts {

	/** False for a member of staff's account and for an unknown id. */
	boolean isParticipant(long accountId);

}
