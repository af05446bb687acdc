package org.iopscheduler.feed.web;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A feed's absolute address, from the request it was issued in. */
final class FeedAddress {

	private FeedAddress() {
	}

	static String of(String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/feeds/{token}.ics")
			.buildAndExpand(token)
			.toUriString();
	}

}
