package org.iopscheduler.system;

/**
 * A request the domain refuses, carrying the {@link Refusal}: which rule, which field,
 * which numbers. Its {@link Kind} says what kind of refusal it is (invalid input, not
 * found, conflict, clinical rule, forbidden, unavailable, stale version); it knows
 * nothing of HTTP: the one error advice alone turns the kind into a status.
 */
public abstract class DomainException extends RuntimeException {

	/**
	 * What kind of no this is, with its title and the rule code of a refusal known only
	 * by its sentence; the web edge maps each kind to one status.
	 */
	public enum Kind {

		INVALID_INPUT("Invalid input", "input.invalid"), NOT_FOUND("Not found", "record.not-found"),
		CONFLICT("Conflict", "data.conflict"), RULE_VIOLATION("Clinical rule violated", "clinical.rule"),
		FORBIDDEN("Forbidden", "role.forbidden"), UNAVAILABLE("Service unavailable", "service.unavailable"),
		STALE_VERSION("Precondition failed", "record.changed-since-loaded");

		private final String title;

		private final String generalRule;

		Kind(String title, String generalRule) {
			this.title = title;
			this.generalRule = generalRule;
		}

	}

	private final Kind kind;

	private final transient Refusal refusal;

	protected DomainException(Kind kind, Refusal refusal) {
		super(refusal.detail());
		this.kind = kind;
		this.refusal = refusal;
	}

	/**
	 * A refusal known only by its sentence, under the kind's general rule code; its field
	 * is read from a sentence that starts with it.
	 */
	protected DomainException(Kind kind, String message) {
		this(kind, Refusal.said(kind.generalRule, message));
	}

	public Refusal refusal() {
		return refusal;
	}

	public Kind kind() {
		return kind;
	}

	/** The problem's title: the kind's, unless a refusal has a more telling one. */
	public String title() {
		return kind.title;
	}

}
