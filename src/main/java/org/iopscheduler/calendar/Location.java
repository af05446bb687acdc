package org.iopscheduler.calendar;

import java.net.URI;
import java.net.URISyntaxException;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;

/** A room name, or an https link for a telehealth session. */
public record Location(LocationKind kind, String value) {

	public Location {
		Refusal refused = refusal(kind, value);
		if (refused != null) {
			throw new InvalidInput(refused);
		}
		value = value.strip();
	}

	/** Why this is no place; null when it is one. */
	public static Refusal refusal(LocationKind kind, String value) {
		if (value == null || value.isBlank()) {
			return Refusal.of("location.required", "location", "required (a room, or a video link)");
		}
		if (value.strip().length() > 500) {
			return Refusal.of("location.too-long", "location", "at most 500 characters", "maximum", 500);
		}
		if (kind == LocationKind.VIDEO && !isWebLink(value.strip())) {
			return Refusal.of("location.video-needs-link", "location", "a VIDEO location must be an https:// link");
		}
		return null;
	}

	/**
	 * Without an explicit kind, a web link is a video session and anything else a room.
	 */
	public static Location of(String value, LocationKind kind) {
		if (kind == null) {
			kind = value != null && isWebLink(value.strip()) ? LocationKind.VIDEO : LocationKind.ROOM;
		}
		return new Location(kind, value);
	}

	private static boolean isWebLink(String value) {
		try {
			URI uri = new URI(value);
			return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

}
