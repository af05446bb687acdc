package org.iopscheduler.feed.web;

import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;

import org.iopscheduler.feed.CalendarFeeds;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.system.PageController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;
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

	/**
	 * The answer itself shows the address, never a redirect: a flash attribute would keep
	 * the secret in the stored page session.
	 */
	@Audited(value = AuditAction.ISSUE_CALENDAR_FEED, whose = Whose.CALLER_ACCOUNT)
	@PostMapping("/calendar-feed")
	ModelAndView issue(@AuthenticationPrincipal SignedIn me) {
		return new ModelAndView("feed/issued", Map.of("url", FeedAddress.of(feeds.issue(me.id()).token())));
	}

	@Audited(value = AuditAction.REVOKE_CALENDAR_FEED, whose = Whose.CALLER_ACCOUNT)
	@PostMapping("/calendar-feed/revoke")
	ModelAndView revokeMine(@AuthenticationPrincipal SignedIn me) {
		feeds.revoke(me.id());
		return new ModelAndView("feed/issued", Map.of("revoked", true));
	}

	@Audited(value = AuditAction.REVOKE_CALENDAR_FEED, whose = Whose.PATH_ACCOUNT)
	@PostMapping("/accounts/{id}/calendar-feed/revoke")
	String revoke(@PathVariable long id, RedirectAttributes redirect) {
		feeds.revoke(id);
		redirect.addFlashAttribute("feedRevoked", true);
		return "redirect:/accounts/" + id;
	}

}
