package org.iopscheduler.people;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.system.FactWords;
import org.springframework.stereotype.Component;

/** A refusal's person ids as full names: "Dana Whitfield", not "counselorId 2". */
@Component
@RequiredArgsConstructor
class PersonWords implements FactWords {

	private static final Set<String> PERSON_FACTS = Set.of("participantId", "counselorId", "personId", "accountId",
			"markedBy");

	private final Names names;

	@Override
	public Optional<String> words(String fact, Object value, Map<String, Object> facts) {
		if (!PERSON_FACTS.contains(fact) || !(value instanceof Number id)) {
			return Optional.empty();
		}
		return Optional.ofNullable(names.of(List.of(id.longValue())).get(id.longValue()));
	}

}
