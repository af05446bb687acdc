package org.iopscheduler.audit;

import org.iopscheduler.people.Role;

/**
 * One request that read or changed participants' records: who, what, and which request
 * (method, path and query).
 */
public record Access(long actorId, Role actorRole, AuditAction action, String method, String target) {

	static final int TARGET_LENGTH = 500;

	public Access {
		if (target.length() > TARGET_LENGTH) {
			target = target.substring(0, TARGET_LENGTH);
		}
	}

}
