package org.iopscheduler.program;

import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.system.FactWords;
import org.springframework.stereotype.Component;

/** A refusal's program id as the program's name. */
@Component
@RequiredArgsConstructor
class ProgramWords implements FactWords {

	private final ProgramRepository programs;

	@Override
	public Optional<String> words(String fact, Object value, Map<String, Object> facts) {
		if (!"programId".equals(fact) || !(value instanceof Number id)) {
			return Optional.empty();
		}
		return programs.findById(id.longValue()).map(Program::getName);
	}

}
