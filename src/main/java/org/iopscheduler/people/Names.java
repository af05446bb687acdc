package org.iopscheduler.people;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.people.internal.AccountRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Full names for pages that list people by id: one query for a whole roster or calendar.
 */
@Service
@RequiredArgsConstructor
public class Names {

	private final AccountRepository accounts;

	@Transactional(readOnly = true)
	public Map<Long, String> of(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			accounts.findByIdIn(ids).forEach(a -> names.put(a.getId(), a.getFullName()));
		}
		return names;
	}

}
