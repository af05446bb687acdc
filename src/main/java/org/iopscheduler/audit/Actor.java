package org.iopscheduler.audit;

/**
 * Who a line of the audit log names: the signed-in account (people's SignedIn is one).
 * The log knows accounts only through this, so every feature can audit, people's own
 * pages included, without the log depending on people.
 */
public interface Actor {

	/** The account's id. */
	long id();

	/**
	 * The account's role, as the log stores it: COORDINATOR, COUNSELOR or PARTICIPANT.
	 */
	String roleName();

	/** A participant reading their own records is the participant the line names. */
	boolean participant();

}
