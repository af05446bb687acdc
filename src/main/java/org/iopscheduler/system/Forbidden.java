package org.iopscheduler.system;

/** Authenticated, but this role may not do this. */
public class Forbidden extends DomainException {

	public Forbidden(Refusal refusal) {
		super(Kind.FORBIDDEN, refusal);
	}

	/** A refusal known only by its sentence; prefer a {@link Refusal} naming the rule. */
	public Forbidden(String message) {
		super(Kind.FORBIDDEN, message);
	}

}
