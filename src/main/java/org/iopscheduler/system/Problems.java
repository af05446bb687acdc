package org.iopscheduler.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes RFC 9457 problem JSON where no controller advice reaches: the security filters.
 */
final class Problems {

	private Problems() {
	}

	/** Jackson writes the JSON: no hand-made escaping of a detail or a path. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	static void write(HttpServletResponse response, HttpStatus status, String detail, String instance)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(json(status.getReasonPhrase(), status.value(), detail, instance));
	}

	/**
	 * A problem as JSON: type about:blank, then title, status, detail and instance (when
	 * given).
	 */
	static String json(String title, int status, String detail, String instance) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		if (instance != null) {
			problem.put("instance", instance);
		}
		return JSON.writeValueAsString(problem);
	}

}
