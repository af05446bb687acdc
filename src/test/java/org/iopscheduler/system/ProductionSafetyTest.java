package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.Properties;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.iopscheduler.IopSchedulerApplication;
import org.iopscheduler.demo.DemoData;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Under the prod profile the service refuses demo data, a weak bootstrap password and H2.
 */
class ProductionSafetyTest {

	private static final String POSTGRES = "spring.datasource.url=jdbc:postgresql://db.clinic.internal:5432/iop";

	private static final String STRONG = "iop.bootstrap-coordinator=admin:Long-and-unguessable-7";

	private final ApplicationContextRunner prod = new ApplicationContextRunner()
		.withInitializer(context -> context.getEnvironment().setActiveProfiles("prod"))
		.withUserConfiguration(ProductionSafety.class);

	@Test
	void startsWithPostgresqlNoDemoDataAndAStrongPassword() {
		prod.withPropertyValues(POSTGRES, STRONG, "iop.demo-data=false")
			.run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void startsWithoutABootstrapCoordinator() {
		prod.withPropertyValues(POSTGRES).run(context -> assertThat(context).hasNotFailed());
	}

	@Test
	void refusesToStartWithDemoData() {
		prod.withPropertyValues(POSTGRES, STRONG, "iop.demo-data=true")
			.run(context -> assertThat(refusal(context.getStartupFailure()))
				.hasMessageContaining("Refusing to start under the prod profile")
				.hasMessageContaining("demo data is enabled"));
	}

	@Test
	void refusesToStartOnH2() {
		prod.withPropertyValues("spring.datasource.url=jdbc:h2:file:./data/iop", STRONG)
			.run(context -> assertThat(refusal(context.getStartupFailure()))
				.hasMessageContaining("the database is H2"));
	}

	@Test
	void namesEveryProblemAtOnce() {
		prod.withPropertyValues("spring.datasource.url=jdbc:h2:mem:x", "iop.demo-data=true",
				"iop.bootstrap-coordinator=admin:short")
			.run(context -> assertThat(refusal(context.getStartupFailure())).hasMessageContaining("demo data")
				.hasMessageContaining("password")
				.hasMessageContaining("H2"));
	}

	@Test
	void checksNothingOutsideProd() {
		new ApplicationContextRunner().withUserConfiguration(ProductionSafety.class)
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:x", "iop.demo-data=true",
					"iop.bootstrap-coordinator=admin:short")
			.run(context -> assertThat(context).hasNotFailed());
	}

	/** The check's own exception, however deeply Spring wraps it. */
	private static Throwable refusal(Throwable failure) {
		assertThat(failure).as("the start-up failed").isNotNull();
		return NestedExceptionUtils.getMostSpecificCause(failure);
	}

	@Nested
	class AWeakBootstrapPasswordIsRefused {

		@Test
		void shorterThanTwelveCharacters() {
			refused("admin:Elevenchars");
		}

		@Test
		void theDemoPassword() {
			refused("admin:demo-password");
		}

		@Test
		void aWellKnownDefaultInAnyCase() {
			refused("admin:Password1234");
		}

		@Test
		void aCommonPasswordFromTheShippedList() {
			refused("admin:qwertyuiop123");
		}

		@Test
		void theUsernameItself() {
			refused("clinic-admin-1:clinic-admin-1");
		}

		@Test
		void butTwelveCharactersOfNoKnownDefaultAreEnough() {
			prod.withPropertyValues(POSTGRES, "iop.bootstrap-coordinator=admin:Twelve-chars")
				.run(context -> assertThat(context).hasNotFailed());
		}

		private void refused(String usernameAndPassword) {
			prod.withPropertyValues(POSTGRES, "iop.bootstrap-coordinator=" + usernameAndPassword)
				.run(context -> assertThat(refusal(context.getStartupFailure()))
					.hasMessageContaining("bootstrap coordinator's password (IOP_BOOTSTRAP_COORDINATOR) is weak"));
		}

	}

	@Nested
	class TheWholeApplication {

		@Test
		void refusesToStartWhenItsEnvironmentAsksForDemoData() {
			SpringApplicationBuilder app = new SpringApplicationBuilder(IopSchedulerApplication.class)
				.web(WebApplicationType.NONE);
			// command-line arguments outrank application-prod.properties, as
			// IOP_DEMO_DATA would
			Throwable failure = catchThrowable(() -> app.run("--spring.profiles.active=prod", "--" + POSTGRES,
					"--" + STRONG, "--iop.demo-data=true"));
			assertThat(refusal(failure)).hasMessageContaining("demo data is enabled");
		}

		@Test
		void itsProdSettingsTurnDemoDataOffAndKeepSessionCookiesOnHttps() throws IOException {
			Properties prodSettings = PropertiesLoaderUtils
				.loadProperties(new ClassPathResource("application-prod.properties"));
			assertThat(prodSettings).containsEntry("iop.demo-data", "false")
				.containsEntry("server.servlet.session.cookie.secure", "true");
		}

	}

}
