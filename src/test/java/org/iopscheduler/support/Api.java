package org.iopscheduler.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests that call the running service as a real client would. */
public final class Api {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String authorization;

	public Api(int port, String username, String password) {
		this.base = "http://127.0.0.1:" + port;
		this.authorization = username == null ? null : "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	public Api as(String username, String password) {
		return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), username, password);
	}

	public record Reply(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

		/** The first value of a response header, or null. */
		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public long id() {
			return json().get("id").asLong();
		}

		@Override
		public String toString() {
			return status + " " + body;
		}

	}

	public Reply get(String path) {
		return send("GET", path, null);
	}

	public Reply post(String path, Object body) {
		return send("POST", path, body);
	}

	public Reply put(String path, Object body) {
		return send("PUT", path, body);
	}

	public Reply delete(String path) {
		return send("DELETE", path, null);
	}

	/**
	 * A string body is sent as it is (for malformed JSON); anything else is written as
	 * JSON.
	 */
	public Reply send(String method, String path, Object body) {
		return send(method, path, body, Map.of());
	}

	/** As above, with extra request headers (e.g. If-Match). */
	public Reply send(String method, String path, Object body, Map<String, String> headers) {
		String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Accept", "application/json, application/problem+json")
			.method(method,
					text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
		if (text != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public static Map<String, Object> body(Object... keysAndValues) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

}
