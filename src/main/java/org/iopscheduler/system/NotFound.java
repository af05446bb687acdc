package org.iopscheduler.system;

/** An unknown id, or a record the caller may not know exists. */
public class NotFound extends DomainException {

	public NotFound(Refusal refusal) {
		super(Kind.NOT_FOUND, refusal);
	}

	/** A refusal known only by its sentence; prefer a {@link Refusal} naming the rule. */
	public NotFound(String message) {
		super(Kind.NOT_FOUND, message);
	}

}
