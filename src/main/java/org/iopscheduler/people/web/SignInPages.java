package org.iopscheduler.people.web;

import org.iopscheduler.people.SignedIn;
import org.iopscheduler.system.PageController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, and "/" which sends each role to the page its daily work starts on.
 */
@PageController
class SignInPages {

	@GetMapping("/login")
	String signIn() {
		return "sign-in";
	}

	@GetMapping("/")
	String landing(@AuthenticationPrincipal SignedIn me) {
		return switch (me.role()) {
			case COORDINATOR -> "redirect:/programs";
			case COUNSELOR -> "redirect:/sessions";
			case PARTICIPANT -> "redirect:/me";
		};
	}

}
