package org.iopscheduler.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A URL that no page or endpoint has: a browser asking for a page gets the styled 404
 * page; the API, and any client that does not ask for HTML, get the problem JSON as
 * before. No controller handled the request, so {@link PageAdvice} (page controllers
 * only) never sees it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

	@ExceptionHandler(NoResourceFoundException.class)
	ModelAndView unknown(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (wantsPage(request)) {
			return PageAdvice.page("error/404", HttpStatus.NOT_FOUND, null);
		}
		Problems.write(response, HttpStatus.NOT_FOUND, e.getBody().getDetail(), request.getRequestURI());
		// the answer is written: nothing to render
		return null;
	}

	private static boolean wantsPage(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/api") || path.startsWith("/api/")) {
			return false;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
		}
		catch (IllegalArgumentException unreadable) {
			return false;
		}
	}

}
