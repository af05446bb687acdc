package org.iopscheduler.people;

import java.util.Collection;
import java.util.List;

import org.iopscheduler.audit.Actor;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The person behind a request: id and role travel with the authentication.
 * {@code failuresToForget} says the account's row still counts failed sign-ins (or an
 * expired lock) that a success must clear.
 */
public record SignedIn(long id, String username, String fullName, Role role, String passwordHash, boolean locked,
		boolean failuresToForget) implements UserDetails, Actor {

	public static SignedIn of(Account account, boolean locked) {
		return new SignedIn(account.getId(), account.getUsername(), account.getFullName(), account.getRole(),
				account.getPasswordHash(), locked, account.hasFailedSignIns());
	}

	public boolean is(Role expected) {
		return role == expected;
	}

	@Override
	public String roleName() {
		return role.name();
	}

	@Override
	public boolean participant() {
		return role == Role.PARTICIPANT;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public String toString() {
		return "SignedIn[id=" + id + ", role=" + role + "]";
	}

}
