package org.iopscheduler.contact;

/**
 * Published in the transaction that withdraws a consent: whatever waits to be sent to the
 * participant on that channel stops at once.
 */
public record ConsentWithdrawn(long participantId, ContactChannel channel) {

}
