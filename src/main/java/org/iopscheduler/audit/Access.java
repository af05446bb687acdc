package org.iopscheduler.audit;

/**
 * One request that read or changed participants' records: who, what, and which request
 * (method, path and query).
 */
public record Access(long actorId, String actorRole, AuditAction action, String method, String target) {

	static final int TARGET_LENGTH = 500;

	public Access {
		if (target.length() > TARGET_LENGTH) {
			target = target.substring(0, TARGET_LENGTH);
		}
	}

	public static Access by(Actor actor, AuditAction action, String method, String target) {
		return new Access(actor.id(), actor.roleName(), action, method, target);
	}

}
