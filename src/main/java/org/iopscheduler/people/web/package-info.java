/** HTTP edge of accounts: staff and participant creation and lists. */
package org.iopscheduler.people.web;
