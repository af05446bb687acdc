package org.iopscheduler.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Browsers ask for /favicon.ico whatever the page links: it leads to the SVG icon, open
 * to everyone (no sign-in, no 404 in every log).
 */
@Controller
class Favicon {

	@GetMapping("/favicon.ico")
	String icon() {
		return "redirect:/favicon.svg";
	}

}
