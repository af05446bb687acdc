package org.iopscheduler.system;

/** A field is missing or has a value outside its rule. */
public class InvalidInput extends DomainException {

	public InvalidInput(Refusal refusal) {
		super(Kind.INVALID_INPUT, refusal);
	}

	/** A refusal known only by its sentence; prefer a {@link Refusal} naming the rule. */
	public InvalidInput(String message) {
		super(Kind.INVALID_INPUT, message);
	}

}
