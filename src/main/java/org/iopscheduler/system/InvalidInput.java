package org.iopscheduler.system;

/** A field is missing or has a value outside its rule. */
public class InvalidInput extends DomainException {

	public InvalidInput(Refusal refusal) {
		super(refusal);
	}

	/**
	 * Under the general rule {@code input.invalid}; prefer a {@link Refusal} naming the
	 * rule.
	 */
	public InvalidInput(String message) {
		super("input.invalid", message);
	}

	@Override
	public Kind kind() {
		return Kind.INVALID_INPUT;
	}

	@Override
	public String title() {
		return "Invalid input";
	}

}
