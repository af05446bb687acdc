package org.iopscheduler.attendance.web;

import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.attendance.CannotComeLinks;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page a reminder's "I can't come" link opens, without signing in (a text message is
 * opened on any phone). 42 CFR Part 2: whoever sees the phone may see this page, so it
 * says "Appointment", the local date and time and the room or video link, and nothing
 * else: no program, no title or type, no counselor, no other participants. The token is
 * in the address, so the page never sends a Referer.
 */
@PageController
@RequiredArgsConstructor
class CannotComePages {

	private final CannotComeLinks links;

	@GetMapping(CannotComeLinks.PATH + "{token}")
	String show(@PathVariable String token, Model model, HttpServletResponse response) {
		noReferrer(response);
		return page(links.look(token), false, model);
	}

	/**
	 * The button. The form carries no CSRF token: it posts to the link's own address,
	 * whose 256-bit token a forged page cannot know, and an anonymous visitor has no
	 * session for a CSRF token to live in (SecurityConfiguration).
	 */
	@PostMapping(CannotComeLinks.PATH + "{token}")
	String press(@PathVariable String token, Model model, HttpServletResponse response) {
		noReferrer(response);
		return page(links.press(token), true, model);
	}

	private static void noReferrer(HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
	}

	private static String page(CannotComeLinks.Appointment appointment, boolean pressed, Model model) {
		// the layout's neutral form: no service name, no menu (the page may be seen by
		// anyone who sees the phone)
		model.addAttribute("neutral", true);
		model.addAttribute("appointment", appointment);
		model.addAttribute("pressed", pressed);
		model.addAttribute("state", appointment.state() == null ? "OPEN" : appointment.state().name());
		model.addAttribute("day", PageFormat.longDay(appointment.startsAt().toLocalDate()));
		model.addAttribute("time", PageFormat.timeRange(appointment.startsAt(), appointment.endsAt()));
		return "attendance/cannot-come";
	}

}
