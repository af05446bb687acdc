package org.iopscheduler.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through a generic HTTP webhook: POST {@code {"to": "+1...", "text": "..."}} to
 * {@code iop.notifications.sms.url} with {@code Authorization: Bearer
 * <iop.notifications.sms.token>}. A 2xx answer means sent; anything else, or no answer
 * within 20 s, is a failure that is tried again.
 */
@Component
class WebhookSms implements SmsProvider {

	static final String NOT_CONFIGURED = "SMS is not configured";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final Environment settings;

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	WebhookSms(Environment settings) {
		this.settings = settings;
	}

	private String url() {
		return settings.getProperty("iop.notifications.sms.url", "").strip();
	}

	@Override
	public Optional<String> notConfigured() {
		return url().isEmpty() ? Optional.of(NOT_CONFIGURED) : Optional.empty();
	}

	@Override
	public void send(String to, String text) {
		Map<String, String> body = new LinkedHashMap<>();
		body.put("to", to);
		body.put("text", text);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url()))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		String token = settings.getProperty("iop.notifications.sms.token", "").strip();
		if (!token.isEmpty()) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<Void> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException unreachable) {
			throw new DeliveryFailed("the SMS webhook could not be reached: " + unreachable.getClass().getSimpleName());
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
			throw new DeliveryFailed("interrupted while sending the SMS");
		}
		if (response.statusCode() / 100 != 2) {
			throw new DeliveryFailed("the SMS webhook answered " + response.statusCode());
		}
	}

}
