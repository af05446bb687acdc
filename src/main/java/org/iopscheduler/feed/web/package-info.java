/**
 * The calendar feed's endpoints and pages: issue, rotate and revoke a feed, and read it.
 */
package org.iopscheduler.feed.web;
