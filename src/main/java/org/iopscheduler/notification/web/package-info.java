/**
 * HTTP edge of the notification outbox: the coordinators' list of messages (API and
 * page).
 */
package org.iopscheduler.notification.web;
