package org.iopscheduler.bench;

import java.lang.management.ManagementFactory;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.IopSchedulerApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The benchmark's data generator, outside the service's jar (it lives in the bench jar,
 * {@code ./mvnw -Pbench package}, which scripts/generate.sh puts beside the service's
 * classpath): {@code DataGenerator --iop.generate.seed=42} starts the application
 * without a web server, migrates the database, fills it with {@link BenchData} and exits
 * (0; 2 when the database already holds programs). The sizes default to the issue's
 * numbers.
 */
@Component
@ConditionalOnProperty(name = "iop.generate.seed")
@RequiredArgsConstructor
public class DataGenerator implements ApplicationRunner, ExitCodeGenerator {

	static final int REFUSED = 2;

	private final BenchData data;

	@Value("${iop.generate.seed}")
	private long seed;

	@Value("${iop.generate.programs:200}")
	private int programs;

	@Value("${iop.generate.participants-per-program:100}")
	private int participantsPerProgram;

	@Value("${iop.generate.past-weeks:16}")
	private int pastWeeks;

	@Value("${iop.generate.coming-weeks:4}")
	private int comingWeeks;

	private int exitCode;

	/** Migrate, write the benchmark's data, exit; no web server. */
	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(IopSchedulerApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		System.exit(SpringApplication.exit(application.run(args)));
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		long started = System.nanoTime();
		try {
			BenchData.Counts counts = data.generate(seed,
					new BenchData.Size(programs, participantsPerProgram, pastWeeks, comingWeeks));
			System.out.printf("Generated (seed %d) in %.1f s (%.1f s since the JVM started): %s%n", seed,
					(System.nanoTime() - started) / 1e9, ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
					counts.summary());
		}
		catch (BenchData.AlreadyLoaded refused) {
			System.err.println("Generator refused: " + refused.getMessage());
			exitCode = REFUSED;
		}
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
