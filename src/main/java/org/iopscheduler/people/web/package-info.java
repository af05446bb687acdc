/**
 * HTTP edge of accounts: staff and participant creation and lists; sign-in, the landing
 * per role, the people page.
 */
package org.iopscheduler.people.web;
