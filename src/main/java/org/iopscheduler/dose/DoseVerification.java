package org.iopscheduler.dose;

import java.time.Clock;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --iop.verify-dose}: recounts every enrollment-week of the database, compares it
 * with the stored weeks, prints what it found and exits (0 when exact, 1 on any
 * difference). Run it with {@code --spring.main.web-application-type=none} to start no
 * web server. The option is read when the service starts, not when beans are chosen (AOT
 * fixes the bean graph at build time).
 */
@Component
class DoseVerification implements ApplicationRunner, ExitCodeGenerator {

	private static final int DIFFERENCES_SHOWN = 50;

	private final StoredDoses stored;

	private final Clock clock;

	private final ApplicationContext context;

	private int exitCode;

	private final boolean asked;

	DoseVerification(StoredDoses stored, Clock clock, ApplicationContext context, Environment settings) {
		this.stored = stored;
		this.clock = clock;
		this.context = context;
		// "--iop.verify-dose" alone is the empty string: asked, as for any value but
		// false
		String option = settings.getProperty("iop.verify-dose");
		this.asked = option != null && !option.equalsIgnoreCase("false");
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!asked) {
			return;
		}
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
