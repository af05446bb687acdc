package org.iopscheduler.system;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two doors: the API takes HTTP Basic on every request and answers failures with problem
 * JSON; the pages use a form login with a session and CSRF tokens. Page sessions live in
 * the database (Spring Session JDBC), so any instance serves them; the API keeps none.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

	static final String COORDINATOR = "COORDINATOR";

	static final String COUNSELOR = "COUNSELOR";

	static final String PARTICIPANT = "PARTICIPANT";

	/**
	 * One answer for every failed sign-in: a wrong password, an unknown username and a
	 * locked account. A lock-out answer of its own (until #11) told a guesser which
	 * usernames exist: only a real one ever became locked.
	 */
	static final String SIGN_IN = "sign in with HTTP Basic: a valid username and password are required; "
			+ "an account rests for a while after repeated failed sign-ins";

	/**
	 * What the firewall refuses ({@code ;}, {@code %2e%2e}, {@code //}) is a path no
	 * endpoint has.
	 */
	static final String REJECTED_PATH = "path: the request path holds a sequence the service does not accept "
			+ "(such as ';', '//', '%2e', '%2f' or '\\'); send the plain path";

	/**
	 * The accounts could not be read: no verdict on the password, so not a 401 (clients
	 * would re-prompt).
	 */
	static final String UNAVAILABLE = "sign-in cannot be checked right now: the service cannot reach its database; "
			+ "try again shortly";

	/**
	 * bcrypt (through the delegating encoder), with a short memory of passwords that
	 * matched.
	 */
	@Bean
	PasswordEncoder passwordEncoder(ObjectProvider<Clock> clock,
			@Value("${iop.security.remember-verified-password:5m}") Duration rememberFor) {
		// web slices test the security rules without the application's clock
		return new RecentlyVerifiedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), rememberFor,
				clock.getIfAvailable(Clock::systemUTC));
	}

	/**
	 * Spring Security's firewall answers problem JSON like everything else, not the
	 * servlet error page.
	 */
	@Bean
	RequestRejectedHandler problemForRejectedRequests() {
		return (request, response, rejected) -> Problems.write(response, HttpStatus.BAD_REQUEST, REJECTED_PATH,
				request.getRequestURI());
	}

	/**
	 * Calendar feeds: the secret address is the only key (calendar apps cannot sign in),
	 * so no sign-in, no session and no cookie; the address never leaves in a Referer.
	 */
	@Bean
	@Order(0)
	@ConditionalOnWebApplication
	SecurityFilterChain feeds(HttpSecurity http) throws Exception {
		http.securityMatcher("/feeds/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.GET, "/feeds/*.ics")
				.permitAll()
				.requestMatchers(HttpMethod.HEAD, "/feeds/*.ics")
				.permitAll()
				.anyRequest()
				.denyAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.csrf(csrf -> csrf.disable())
			// the feed sets its own Cache-Control (private, no-cache) for its ETag
			.headers(headers -> {
				SecureHeaders.forApi().customize(headers);
				headers.cacheControl(cache -> cache.disable())
					.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
			});
		return http.build();
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain api(HttpSecurity http) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				// a participant reads only their own records; the services return 404 for
				// anyone else's
				.requestMatchers("/api/me/**")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/participants/*/schedule", "/api/participants/*/dosage",
						"/api/participants/*/consents")
				.authenticated()
				.requestMatchers(HttpMethod.PUT, "/api/sessions/*/attendance/*")
				.hasAnyRole(COORDINATOR, COUNSELOR)
				.requestMatchers(HttpMethod.GET, "/api/sessions/*/attendance/history", "/api/audit/**", "/api/dosage",
						"/api/dosage.csv", "/api/notifications")
				.hasRole(COORDINATOR)
				.requestMatchers(HttpMethod.GET, "/api/**")
				.hasAnyRole(COORDINATOR, COUNSELOR)
				.anyRequest()
				.hasRole(COORDINATOR))
			.httpBasic(
					basic -> basic.realmName("IOP Scheduler").authenticationEntryPoint((request, response, failure) -> {
						if (failure instanceof InternalAuthenticationServiceException) {
							response.setHeader("Retry-After", "30");
							Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE,
									request.getRequestURI());
							return;
						}
						response.setHeader("WWW-Authenticate", "Basic realm=\"IOP Scheduler\"");
						Problems.write(response, HttpStatus.UNAUTHORIZED, SIGN_IN, request.getRequestURI());
					}))
			.exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> Problems
				.write(response, HttpStatus.FORBIDDEN, "your role may not do this", request.getRequestURI())))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// stateless Basic calls carry no cookie a forged page could ride on
			.csrf(csrf -> csrf.disable())
			.headers(SecureHeaders.forApi());
		return http.build();
	}

	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain pages(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**", "/login", "/error", "/webjars/**", "/css/**", "/js/**",
					"/favicon.ico", "/favicon.svg")
			.permitAll()
			// a reminder's "I can't come" link: opened from a text message, without
			// signing in; the token in the address is the key (CannotComeLinks)
			.requestMatchers("/cannot-come/*")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole(COORDINATOR)
			.requestMatchers("/me", "/me/**")
			.hasRole(PARTICIPANT)
			// everyone changes their own password; resets and unlocks (/accounts/**) are
			// the coordinator's
			.requestMatchers("/password")
			.authenticated()
			// a participant's or counselor's own calendar feed (a coordinator's is
			// refused)
			.requestMatchers(HttpMethod.POST, "/calendar-feed", "/calendar-feed/revoke")
			.hasAnyRole(PARTICIPANT, COUNSELOR)
			// a counselor's own address for staff messages
			.requestMatchers(HttpMethod.POST, "/contact/*", "/contact/*/withdraw")
			.hasRole(COUNSELOR)
			// a participant may open only their own page; the page answers 404 for anyone
			// else's
			.requestMatchers(HttpMethod.GET, "/", "/participants/*")
			.authenticated()
			// counselors read programs, calendars, rosters and dose, and mark the
			// sessions they lead
			.requestMatchers(HttpMethod.GET, "/programs", "/programs/*/calendar", "/programs/*/dose",
					"/programs/*/dose.csv", "/sessions", "/sessions/*", "/sessions/*/attendance")
			.hasAnyRole(COORDINATOR, COUNSELOR)
			.requestMatchers(HttpMethod.POST, "/sessions/*/attendance", "/sessions/*/attendance/all-present")
			.hasAnyRole(COORDINATOR, COUNSELOR)
			.requestMatchers(HttpMethod.GET, "/make-up-list")
			.hasAnyRole(COORDINATOR, COUNSELOR)
			.anyRequest()
			.hasRole(COORDINATOR))
			// after sign-in: the page asked for, else "/" which sends each role to its
			// own start page
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/").permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			// a session id known before sign-in is worthless after it; forms carry CSRF
			// tokens (the default)
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			// the "I can't come" button posts to its own unguessable address, which a
			// forged page cannot know: that is its CSRF defence, and an anonymous visitor
			// keeps no session for a CSRF token
			.csrf(csrf -> csrf.ignoringRequestMatchers(
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/cannot-come/*")))
			.headers(SecureHeaders.forPages());
		return http.build();
	}

}
