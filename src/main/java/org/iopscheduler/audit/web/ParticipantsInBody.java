package org.iopscheduler.audit.web;

import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/** Finds the participants a response names, in the JSON the caller receives. */
final class ParticipantsInBody {

	private ParticipantsInBody() {
	}

	/** Every participantId and every element of participantIds, at any depth. */
	static Set<Long> named(JsonNode body) {
		Set<Long> ids = new TreeSet<>();
		collect(body, ids);
		return ids;
	}

	/** The id of the response object, or of each object in the response array. */
	static Set<Long> ids(JsonNode body) {
		Set<Long> ids = new TreeSet<>();
		for (JsonNode item : body.isArray() ? body.values() : java.util.List.of(body)) {
			addIfNumber(item.get("id"), ids);
		}
		return ids;
	}

	private static void collect(JsonNode node, Set<Long> ids) {
		if (node.isArray()) {
			node.values().forEach(item -> collect(item, ids));
		}
		else if (node.isObject()) {
			node.properties().forEach(property -> {
				switch (property.getKey()) {
					case "participantId" -> addIfNumber(property.getValue(), ids);
					case "participantIds" -> property.getValue().values().forEach(id -> addIfNumber(id, ids));
					default -> collect(property.getValue(), ids);
				}
			});
		}
	}

	private static void addIfNumber(JsonNode node, Set<Long> ids) {
		if (node != null && node.isIntegralNumber()) {
			ids.add(node.longValue());
		}
	}

}
