package org.iopscheduler.people;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many failed sign-ins in a row lock an account
 * ({@code iop.security.max-failed-logins}) and for how long
 * ({@code iop.security.lock-minutes}).
 */
@Validated
@ConfigurationProperties("iop.security")
record SignInThrottleSettings(@DefaultValue("5") @Min(1) @Max(100) int maxFailedLogins,
		@DefaultValue("15") @Min(1) @Max(1440) int lockMinutes) {

	Duration lockFor() {
		return Duration.ofMinutes(lockMinutes);
	}

}
