package org.iopscheduler.system;

/** Something the request needs cannot answer right now; nothing was changed or shown. */
public class Unavailable extends DomainException {

	public Unavailable(Refusal refusal) {
		super(refusal);
	}

	/**
	 * Under the general rule {@code service.unavailable}; prefer a {@link Refusal} naming
	 * the rule.
	 */
	public Unavailable(String message) {
		super("service.unavailable", message);
	}

	@Override
	public Kind kind() {
		return Kind.UNAVAILABLE;
	}

	@Override
	public String title() {
		return "Service unavailable";
	}

}
