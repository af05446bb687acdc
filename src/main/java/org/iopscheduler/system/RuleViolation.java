package org.iopscheduler.system;

/** Well-formed, but it breaks a clinical rule. */
public class RuleViolation extends DomainException {

	public RuleViolation(Refusal refusal) {
		super(refusal);
	}

	/**
	 * Under the general rule {@code clinical.rule}; prefer a {@link Refusal} naming the
	 * rule.
	 */
	public RuleViolation(String message) {
		super("clinical.rule", message);
	}

	@Override
	public Kind kind() {
		return Kind.RULE_VIOLATION;
	}

	@Override
	public String title() {
		return "Clinical rule violated";
	}

}
