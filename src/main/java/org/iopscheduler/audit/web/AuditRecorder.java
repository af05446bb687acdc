package org.iopscheduler.audit.web;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;
import tools.jackson.databind.json.JsonMapper;

import org.iopscheduler.audit.Access;
import org.iopscheduler.audit.Actor;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.audit.web.AuditedRequests.Rule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Records every successful API request listed in {@link AuditedRequests}, just before its
 * body goes out. If the line cannot be written the caller gets a 503 instead of the
 * records: nobody reads a participant's records without leaving a trace. (A change is
 * already committed by then, and the 503 says so; attendance keeps its own history of who
 * changed what, too.)
 */
@RestControllerAdvice(basePackages = "org.iopscheduler")
@RequiredArgsConstructor
class AuditRecorder implements ResponseBodyAdvice<Object> {

	/**
	 * Always there in the application; absent only in web slice tests, which audit
	 * nothing.
	 */
	private final ObjectProvider<AuditLog> auditLog;

	private final JsonMapper json;

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
			Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
			ServerHttpResponse response) {
		if (body instanceof ProblemDetail || !(request instanceof ServletServerHttpRequest servletRequest)
				|| !(response instanceof ServletServerHttpResponse servletResponse)
				|| servletResponse.getServletResponse().getStatus() / 100 != 2) {
			return body;
		}
		HttpServletRequest http = servletRequest.getServletRequest();
		String pattern = (String) http.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		AuditedRequests.find(http.getMethod(), pattern).ifPresent(rule -> {
			try {
				record(rule, http, body);
			}
			catch (DataAccessException e) {
				throw new AuditUnavailable(rule.action().isChange());
			}
		});
		return body;
	}

	/**
	 * For a response streamed to the client (no body passes this advice): records the
	 * request's rule before the first byte goes out, with the same 503 if the line cannot
	 * be written.
	 */
	void recordStreamed(HttpServletRequest http) {
		String pattern = (String) http.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		Rule rule = AuditedRequests.find(http.getMethod(), pattern)
			.orElseThrow(() -> new IllegalStateException("no audit rule for " + http.getMethod() + " " + pattern));
		try {
			record(rule, http, null);
		}
		catch (DataAccessException e) {
			throw new AuditUnavailable(rule.action().isChange());
		}
	}

	private void record(Rule rule, HttpServletRequest http, Object body) {
		AuditLog auditLog = this.auditLog.getIfAvailable();
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (auditLog == null || authentication == null || !(authentication.getPrincipal() instanceof Actor me)) {
			return;
		}
		String query = http.getQueryString();
		Access access = Access.by(me, rule.action(), http.getMethod(),
				http.getRequestURI() + (query != null ? "?" + query : ""));
		switch (rule.whose()) {
			case MANY -> auditLog.recordWithoutParticipant(access);
			case CALLER -> {
				if (me.participant()) {
					auditLog.record(access, Set.of(me.id()));
				}
			}
			default -> {
				Set<Long> participants = participants(rule, http, body);
				if (!participants.isEmpty()) {
					auditLog.record(access, participants);
				}
			}
		}
	}

	private Set<Long> participants(Rule rule, HttpServletRequest http, Object body) {
		return switch (rule.whose()) {
			case PATH_PARTICIPANT_ID -> Set.of(Long.parseLong(pathVariable(http, "participantId")));
			case PATH_ID -> Set.of(Long.parseLong(pathVariable(http, "id")));
			case BODY_PARTICIPANTS -> body == null ? Set.of() : ParticipantsInBody.named(json.valueToTree(body));
			case BODY_IDS -> body == null ? Set.of() : ParticipantsInBody.ids(json.valueToTree(body));
			case CALLER, MANY -> Set.of();
		};
	}

	@SuppressWarnings("unchecked")
	private static String pathVariable(HttpServletRequest http, String name) {
		return ((Map<String, String>) http.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).get(name);
	}

}
