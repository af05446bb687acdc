package org.iopscheduler.people;

import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.PeopleDirectory;
import org.iopscheduler.people.internal.AccountRepository;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log's people search: the people page's search (the V9 key indexes), by role.
 */
@Service
@RequiredArgsConstructor
class AuditPeople implements PeopleDirectory {

	private static final List<Role> STAFF = List.of(Role.COORDINATOR, Role.COUNSELOR);

	private final AccountRepository accounts;

	@Override
	@Transactional(readOnly = true)
	public List<Person> startingWith(Kind kind, String text, int limit) {
		return accounts
			.searchInRoles(roles(kind), Account.searchPrefix(text), PageRequest.of(0, limit, Sort.by("fullName", "id")))
			.stream()
			.map(AuditPeople::person)
			.toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Person> withUsername(Kind kind, String username) {
		return accounts.findByUsername(username)
			.filter(a -> roles(kind).contains(a.getRole()))
			.map(AuditPeople::person);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Person> withId(Kind kind, long id) {
		return accounts.findById(id).filter(a -> roles(kind).contains(a.getRole())).map(AuditPeople::person);
	}

	private static List<Role> roles(Kind kind) {
		return kind == Kind.STAFF ? STAFF : List.of(Role.PARTICIPANT);
	}

	private static Person person(Account account) {
		return new Person(account.getId(), account.getFullName(), account.getUsername());
	}

}
