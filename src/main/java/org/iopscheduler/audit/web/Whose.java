package org.iopscheduler.audit.web;

/** Where an {@link Audited} request names the participants it read or changed. */
public enum Whose {

	/** the {participantId} path variable */
	PATH_PARTICIPANT_ID,
	/** the {id} path variable */
	PATH_ID,
	/** the signed-in participant (staff reading their own nothing leave no line) */
	CALLER,
	/** every participantId and participantIds in the answer, at any depth */
	IN_ANSWER,
	/** the id of the answer, or of each item in it (participant accounts) */
	ANSWER_IDS,
	/** many at once, not listed (an export): one line without a participant */
	MANY,
	/** a page: the handler names them through {@link PageAudit} as it builds the model */
	PAGE,
	/**
	 * the signed-in account, whose own sign-in changed (a password change): one line,
	 * naming them when they are a participant, naming nobody for a member of staff
	 */
	CALLER_ACCOUNT,
	/**
	 * the account in the {id} path variable, whose sign-in changed (a reset, an unlock):
	 * one line, naming it when it is a participant's, naming nobody for staff's
	 */
	PATH_ACCOUNT

}
