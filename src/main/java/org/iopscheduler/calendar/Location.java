package org.iopscheduler.calendar;

import java.net.URI;
import java.net.URISyntaxException;

import org.iopscheduler.system.InvalidInput;

/** A room name, or an https link for a telehealth session. */
public record Location(LocationKind kind, String value) {

	public Location {
		if (value == null || value.isBlank()) {
			throw new InvalidInput("location: required (a room, or a video link)");
		}
		value = value.strip();
		if (value.length() > 500) {
			throw new InvalidInput("location: at most 500 characters");
		}
		if (kind == LocationKind.VIDEO && !isWebLink(value)) {
			throw new InvalidInput("location: a VIDEO location must be an https:// link");
		}
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
