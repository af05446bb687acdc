package org.iopscheduler.dose;

/**
 * Where a participant's week stands against the minimum; the first rule that applies
 * wins.
 */
public enum DoseStatus {

	/** The enrollment starts after the week's Monday or ends before its Sunday. */
	PARTIAL_WEEK,
	/** Attended minutes reach the minimum. */
	MET,
	/** The week is over and the minimum was not reached. */
	UNDER_DOSED,
	/** Even attending every session still to come would not reach the minimum. */
	AT_RISK,
	/** The minimum can still be reached this week. */
	ON_TRACK

}
