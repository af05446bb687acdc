package org.iopscheduler.people;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * IOP_BOOTSTRAP_COORDINATOR=username:password gives a new installation its first account.
 * It runs before the web server opens, so once /actuator/health is UP the account can
 * sign in.
 */
@Slf4j
@Component
@Order(0)
@RequiredArgsConstructor
class BootstrapCoordinator implements SmartInitializingSingleton {

	private final People people;

	@Value("${iop.bootstrap-coordinator:}")
	private String usernameAndPassword;

	@Override
	public void afterSingletonsInstantiated() {
		int colon = usernameAndPassword.indexOf(':');
		if (usernameAndPassword.isBlank()) {
			return;
		}
		if (colon <= 0 || colon == usernameAndPassword.length() - 1) {
			throw new IllegalStateException("IOP_BOOTSTRAP_COORDINATOR must be username:password");
		}
		String username = usernameAndPassword.substring(0, colon);
		if (!people.exists(username)) {
			people.createStaff(username, usernameAndPassword.substring(colon + 1), "Bootstrap coordinator",
					Role.COORDINATOR);
			log.info("Created the bootstrap coordinator account");
		}
	}

}
