package org.iopscheduler.people;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * The signed-in page sessions of an account, in the database (Spring Session JDBC), so
 * ending them here signs the account out on every instance at its next request.
 */
@Component
class PageSessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> repository;

	PageSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> repository) {
		this.repository = repository;
	}

	/** Every page session of this username but {@code keep}. */
	void endAllOf(String username, Optional<String> keep) {
		// absent only where no web application runs (slices without Spring Session)
		FindByIndexNameSessionRepository<?> sessions = repository.getIfAvailable();
		if (sessions == null) {
			return;
		}
		sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> keep.map(kept -> !kept.equals(id)).orElse(true))
			.forEach(sessions::deleteById);
	}

}
