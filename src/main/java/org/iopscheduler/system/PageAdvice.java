package org.iopscheduler.system;

import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the pages: who is signed in (for the menu), and refusals as pages. It runs before
 * the API's problem advice, for page controllers only. A record the caller may not see is
 * "not found", with nothing of it on the page: not even that it exists.
 */
@Slf4j
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

	/**
	 * The signed-in account for the layout: people's SignedIn, which the shared kernel
	 * knows only as Spring Security's UserDetails (every principal of ours is one).
	 */
	@ModelAttribute("me")
	UserDetails me(@AuthenticationPrincipal UserDetails me) {
		return me;
	}

	@ExceptionHandler({ NotFound.class, MethodArgumentTypeMismatchException.class })
	ModelAndView notFound(Exception e) {
		return page("error/404", HttpStatus.NOT_FOUND, null);
	}

	@ExceptionHandler({ Forbidden.class, AccessDeniedException.class })
	ModelAndView forbidden(Exception e) {
		return page("error/403", HttpStatus.FORBIDDEN, null);
	}

	/**
	 * {@code rows[5000]} beyond the binder's auto-grow limit: a form no page of ours
	 * posts, not a 500.
	 */
	@ExceptionHandler(InvalidPropertyException.class)
	ModelAndView unknownField(InvalidPropertyException e) {
		return page("error", HttpStatus.BAD_REQUEST, ProblemAdvice.beyondForm(e));
	}

	@ExceptionHandler(DomainException.class)
	ModelAndView refused(DomainException e) {
		return page("error", ProblemAdvice.status(e.kind()), e.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception e) {
		log.error("Unexpected failure on a page", e);
		return page("error", HttpStatus.INTERNAL_SERVER_ERROR, null);
	}

	static ModelAndView page(String view, HttpStatus status, String detail) {
		ModelAndView page = new ModelAndView(view, status);
		page.addObject("status", status.value());
		page.addObject("detail", detail);
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.getPrincipal() instanceof UserDetails me) {
			page.addObject("me", me);
		}
		return page;
	}

}
