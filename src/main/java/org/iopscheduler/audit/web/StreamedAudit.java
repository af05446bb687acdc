package org.iopscheduler.audit.web;

import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Audits a request whose response is streamed (a StreamingResponseBody never passes the
 * {@link AuditRecorder} advice): call it before the response starts, with the rule in
 * {@link AuditedRequests} as for any other request. Part of the audit module's public web
 * interface.
 */
@NamedInterface("web")
@Component
@RequiredArgsConstructor
public class StreamedAudit {

	private final AuditRecorder recorder;

	public void record(HttpServletRequest request) {
		recorder.recordStreamed(request);
	}

}
