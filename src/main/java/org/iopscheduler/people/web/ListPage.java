package org.iopscheduler.people.web;

import org.iopscheduler.system.InvalidInput;

/**
 * Account lists come a page at a time: a large group has 20,000 participants, and one
 * request must never read (or disclose, and write to the audit log) all of them at once.
 */
final class ListPage {

	static final int DEFAULT_SIZE = 100;

	static final int MAX_SIZE = 500;

	/**
	 * At most this many rows are skipped to reach a page: more than any organisation's
	 * accounts, and far inside an int (page=2147483647 once overflowed the offset and
	 * answered 500).
	 */
	static final int MAX_SKIPPED = 100_000;

	private ListPage() {
	}

	static void check(int page, int size) {
		if (page < 0) {
			throw new InvalidInput("page: must be 0 or more");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new InvalidInput("size: must be between 1 and " + MAX_SIZE);
		}
		if (page > lastPage(size)) {
			throw new InvalidInput("page: must be from 0 to " + lastPage(size) + " with size " + size + " (at most "
					+ MAX_SKIPPED + " rows are skipped)");
		}
	}

	static int lastPage(int size) {
		return MAX_SKIPPED / size;
	}

}
