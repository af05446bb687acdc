package org.iopscheduler.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import lombok.RequiredArgsConstructor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The jar as a data generator: {@code java -jar iop-scheduler.jar --iop.generate.seed=42}
 * migrates the database, fills it with {@link BenchData} and exits (0; 2 when the
 * database already holds programs) without opening the web server. The sizes default to
 * the numbers.
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

	/**
	 * The command line asks for the generator: the application then runs it and exits,
	 * with no web server.
	 */
	public static boolean requested(String[] args) {
		return Arrays.stream(args).anyMatch(arg -> arg.startsWith("--iop.generate.seed="))
				|| System.getenv("IOP_GENERATE_SEED") != null;
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
