package org.iopscheduler.dose;

import java.time.Clock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --iop.verify-dose}: recounts every enrollment-week of the database, compares it
 * with the stored weeks, prints what it found and exits (0 when exact, 1 on any
 * difference). Run it with {@code --spring.main.web-application-type=none} to start no
 * web server.
 */
@Component
@ConditionalOnProperty(name = "iop.verify-dose")
class DoseVerification implements ApplicationRunner, ExitCodeGenerator {

	private static final int DIFFERENCES_SHOWN = 50;

	private final StoredDoses stored;

	private final Clock clock;

	private final ApplicationContext context;

	private int exitCode;

	DoseVerification(StoredDoses stored, Clock clock, ApplicationContext context) {
		this.stored = stored;
		this.clock = clock;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		StoredDoses.Verification verification = stored.verify(clock.instant());
		verification.differences().stream().limit(DIFFERENCES_SHOWN).forEach(System.out::println);
		System.out.println(verification.summary());
		exitCode = verification.exact() ? 0 : 1;
		System.exit(SpringApplication.exit(context, this));
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
