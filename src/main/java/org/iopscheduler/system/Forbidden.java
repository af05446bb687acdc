package org.iopscheduler.system;

/** Authenticated, but this role may not do this. */
public class Forbidden extends DomainException {

	public Forbidden(Refusal refusal) {
		super(refusal);
	}

	/**
	 * Under the general rule {@code role.forbidden}; prefer a {@link Refusal} naming the
	 * rule.
	 */
	public Forbidden(String message) {
		super("role.forbidden", message);
	}

	@Override
	public Kind kind() {
		return Kind.FORBIDDEN;
	}

	@Override
	public String title() {
		return "Forbidden";
	}

}
