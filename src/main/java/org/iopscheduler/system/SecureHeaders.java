package org.iopscheduler.system;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Response headers on top of Spring Security's defaults (nosniff, frame DENY, no-store
 * caching of records, HSTS over HTTPS). Pages are server-rendered with scripts and styles
 * from our own origin (WebJars included), so nothing inline and nothing from elsewhere
 * runs. URLs name participants' ids, so they never leave the site in a Referer.
 */
final class SecureHeaders {

	/** For the pages: own-origin scripts, styles, images, fonts and form targets only. */
	static final String PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * Swagger UI sets style attributes from its scripts; it shows no participant records.
	 */
	static final String SWAGGER_POLICY = PAGES_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

	/** JSON never loads anything. */
	static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	private SecureHeaders() {
	}

	static Customizer<HeadersConfigurer<HttpSecurity>> forApi() {
		return headers -> common(headers).contentSecurityPolicy(csp -> csp.policyDirectives(API_POLICY));
	}

	static Customizer<HeadersConfigurer<HttpSecurity>> forPages() {
		RequestMatcher swagger = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
		return headers -> common(headers)
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swagger),
					new ContentSecurityPolicyHeaderWriter(PAGES_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swagger,
					new ContentSecurityPolicyHeaderWriter(SWAGGER_POLICY)));
	}

	private static HeadersConfigurer<HttpSecurity> common(HeadersConfigurer<HttpSecurity> headers) {
		return headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			.crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN));
	}

}
