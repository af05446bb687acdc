package org.iopscheduler.people.web;

import org.iopscheduler.system.InvalidInput;

/**
 * Account lists come a page at a time: a large group has 20,000 participants, and one request
 * must never read (or disclose, and write to the audit log) all of them at once.
 */
final class ListPage {

	static final int DEFAULT_SIZE = 100;

	static final int MAX_SIZE = 500;

	private ListPage() {
	}

	static void check(int page, int size) {
		if (page < 0) {
			throw new InvalidInput("page: must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInput("size: must be between 1 and " + MAX_SIZE);
		}
	}

}
