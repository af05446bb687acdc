package org.iopscheduler.system;

/**
 * The request conflicts with existing data (double booking, a full group, a duplicate).
 */
public class Conflict extends DomainException {

	public Conflict(Refusal refusal) {
		super(Kind.CONFLICT, refusal);
	}

	/** A refusal known only by its sentence; prefer a {@link Refusal} naming the rule. */
	public Conflict(String message) {
		super(Kind.CONFLICT, message);
	}

}
