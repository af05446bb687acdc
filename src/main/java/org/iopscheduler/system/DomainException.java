package org.iopscheduler.system;

/**
 * A request the domain refuses, carrying the {@link Refusal}: which rule, which field,
 * which numbers. The subclass says what kind of refusal it is (invalid input, not found,
 * conflict, clinical rule, forbidden, unavailable, stale version); it knows nothing of
 * HTTP: the one error advice alone turns the kind into a status.
 */
public abstract class DomainException extends RuntimeException {

	/** What kind of no this is; the web edge maps each kind to one status. */
	public enum Kind {

		INVALID_INPUT, NOT_FOUND, CONFLICT, RULE_VIOLATION, FORBIDDEN, UNAVAILABLE, STALE_VERSION

	}

	private final transient Refusal refusal;

	protected DomainException(Refusal refusal) {
		super(refusal.detail());
		this.refusal = refusal;
	}

	/**
	 * A refusal known only by its sentence, under the kind's general rule code; its field
	 * is read from a sentence that starts with it.
	 */
	protected DomainException(String generalRule, String message) {
		this(Refusal.said(generalRule, message));
	}

	public Refusal refusal() {
		return refusal;
	}

	public abstract Kind kind();

	public abstract String title();

}
