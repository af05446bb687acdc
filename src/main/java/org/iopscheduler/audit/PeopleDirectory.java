package org.iopscheduler.audit;

import java.util.List;
import java.util.Optional;

/**
 * Who the audit log's filters name: participants and staff found by the start of a name
 * or username, as the coordinator types "Dana" or "Whitfield". Declared here and answered
 * by the people module, which owns accounts (it depends on audit, so audit may not call
 * it).
 */
public interface PeopleDirectory {

	enum Kind {

		PARTICIPANT, STAFF

	}

	record Person(long id, String fullName, String username) {
	}

	/**
	 * Up to {@code limit} people of the kind whose first name, last name or username
	 * starts with the text, whatever its case; by name.
	 */
	List<Person> startingWith(Kind kind, String text, int limit);

	/** The person of the kind with exactly this username, as they sign in. */
	Optional<Person> withUsername(Kind kind, String username);

	Optional<Person> withId(Kind kind, long id);

}
