package org.iopscheduler.system;

/** An unknown id, or a record the caller may not know exists. */
public class NotFound extends DomainException {

	public NotFound(Refusal refusal) {
		super(refusal);
	}

	/**
	 * Under the general rule {@code record.not-found}; prefer a {@link Refusal} naming
	 * the rule.
	 */
	public NotFound(String message) {
		super("record.not-found", message);
	}

	@Override
	public Kind kind() {
		return Kind.NOT_FOUND;
	}

	@Override
	public String title() {
		return "Not found";
	}

}
