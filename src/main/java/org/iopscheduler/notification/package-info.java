/**
 * The notification outbox: messages written in the transaction of the change that causes
 * them, sent later by a worker over e-mail or SMS to the address of the recipient's
 * current consent, retried with backoff, each at most once.
 */
package org.iopscheduler.notification;
