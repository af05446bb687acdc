package org.iopscheduler.people;

import java.time.Clock;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.people.internal.AccountRepository;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
class AccountDetailsService implements UserDetailsService {

	private final AccountRepository accounts;

	private final Clock clock;

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return accounts.findByUsername(username)
			.map(a -> SignedIn.of(a, a.isLockedAt(clock.instant())))
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

}
