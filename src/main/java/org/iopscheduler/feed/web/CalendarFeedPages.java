package org.iopscheduler.feed.web;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.feed.CalendarFeeds;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.system.PageController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar feed on the pages: a participant or a counselor issues (or replaces) and
 * revokes their own; a coordinator revokes anyone's from the account's page. A new
 * address is shown once, on the answer to the button, and never again.
 */
@PageController
@RequiredArgsConstructor
class CalendarFeedPages {

	private final CalendarFeeds feeds;

	@PostMapping("/calendar-feed")
	String issue(@AuthenticationPrincipal SignedIn me, Model model) {
		model.addAttribute("url", FeedAddress.of(feeds.issue(me.id()).token()));
		return "feed/issued";
	}

	@PostMapping("/calendar-feed/revoke")
	String revokeMine(@AuthenticationPrincipal SignedIn me, Model model) {
		feeds.revoke(me.id());
		model.addAttribute("revoked", true);
		return "feed/issued";
	}

	@PostMapping("/accounts/{id}/calendar-feed/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		feeds.revoke(id);
		redirect.addFlashAttribute("feedRevoked", true);
		return "redirect:/accounts/" + id;
	}

}
