package org.iopscheduler.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The layout's menu on pages no page controller renders: a "not allowed" answered by the
 * security rules, and any other page of the servlet's error dispatch. Without it a
 * signed-in participant sent to the 403 page would lose the way back to their schedule
 * and the sign-out button.
 */
@Configuration(proxyBeanMethods = false)
class SignedInOnEveryPage implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || page.getModel().containsKey("me") || isRedirect(page)) {
			return;
		}
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn != null && signedIn.getPrincipal() instanceof UserDetails me) {
			page.addObject("me", me);
		}
	}

	private static boolean isRedirect(ModelAndView page) {
		String view = page.getViewName();
		return view != null && view.startsWith("redirect:");
	}

}
