package org.iopscheduler.system;

/**
 * The request conflicts with existing data (double booking, a full group, a duplicate).
 */
public class Conflict extends DomainException {

	public Conflict(Refusal refusal) {
		super(refusal);
	}

	/**
	 * Under the general rule {@code data.conflict}; prefer a {@link Refusal} naming the
	 * rule.
	 */
	public Conflict(String message) {
		super("data.conflict", message);
	}

	@Override
	public Kind kind() {
		return Kind.CONFLICT;
	}

	@Override
	public String title() {
		return "Conflict";
	}

}
