package org.iopscheduler.system;

import org.springframework.dao.ConcurrencyFailureException;

/**
 * Another request wrote the same row at the same moment (two first marks of one
 * participant at one session), inside a transaction this one cannot repair: whoever owns
 * that transaction may run the whole request again, and nothing else is retried.
 */
public class RaceLost extends ConcurrencyFailureException {

	public RaceLost(String message, Throwable cause) {
		super(message, cause);
	}

}
