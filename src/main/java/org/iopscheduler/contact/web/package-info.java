/**
 * HTTP edge of contact consent: a participant's consents for staff and for themselves,
 * giving and withdrawing them (API and the participant pages' forms).
 */
package org.iopscheduler.contact.web;
