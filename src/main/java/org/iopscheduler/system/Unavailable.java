package org.iopscheduler.system;

/** Something the request needs cannot answer right now; nothing was changed or shown. */
public class Unavailable extends DomainException {

	public Unavailable(Refusal refusal) {
		super(Kind.UNAVAILABLE, refusal);
	}

	/** A refusal known only by its sentence; prefer a {@link Refusal} naming the rule. */
	public Unavailable(String message) {
		super(Kind.UNAVAILABLE, message);
	}

}
