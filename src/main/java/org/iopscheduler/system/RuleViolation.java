package org.iopscheduler.system;

/** Well-formed, but it breaks a clinical rule. */
public class RuleViolation extends DomainException {

	public RuleViolation(Refusal refusal) {
		super(Kind.RULE_VIOLATION, refusal);
	}

	/** A refusal known only by its sentence; prefer a {@link Refusal} naming the rule. */
	public RuleViolation(String message) {
		super(Kind.RULE_VIOLATION, message);
	}

}
