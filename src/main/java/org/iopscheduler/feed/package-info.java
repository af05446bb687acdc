/**
 * Calendar feeds: a person's sessions as an iCalendar document at a secret address that
 * their calendar app reads without signing in, in neutral words.
 */
package org.iopscheduler.feed;
