/**
 * The audit log: who read or changed a participant's records, and when (42 CFR Part 2,
 * HIPAA).
 */
package org.iopscheduler.audit;
