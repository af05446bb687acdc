/**
 * Consent to be contacted: per participant and channel (e-mail, SMS), with the address or
 * number, who recorded it and when; without an active consent nothing is sent.
 */
package org.iopscheduler.contact;
