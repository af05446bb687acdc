package org.iopscheduler.contact;

import java.time.Instant;

/**
 * One consent as given: to be contacted on a channel at an address, recorded by an
 * account at an instant; withdrawn when {@code withdrawnAt} is set (a new consent is a
 * new row).
 */
public record Consent(long id, long participantId, ContactChannel channel, String address, Instant givenAt,
		long givenBy, Instant withdrawnAt, Long withdrawnBy) {

	public boolean active() {
		return withdrawnAt == null;
	}

}
