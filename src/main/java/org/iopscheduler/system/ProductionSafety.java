package org.iopscheduler.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile the service refuses to start with settings that belong
 * to a demo or a developer's machine. It checks before any other bean exists, so nothing
 * is written first.
 * <ul>
 * <li>demo data ({@code iop.demo-data=true}): its accounts have a published
 * password;</li>
 * <li>a bootstrap coordinator whose password is weak: shorter than 12 characters, one of
 * the well-known defaults (the demo's included), or the username itself;</li>
 * <li>H2: production is PostgreSQL. An H2 file belongs to one process, so a second
 * instance cannot share it, and an in-memory one loses everything at the first
 * restart.</li>
 * </ul>
 */
@Component
@Profile("prod")
class ProductionSafety implements BeanFactoryPostProcessor, EnvironmentAware {

	static final int MINIMUM_PASSWORD_LENGTH = 12;

	/**
	 * Long enough to pass the length rule, and still the first guesses of anyone. The
	 * first is the demo accounts' (demo/DemoData.PASSWORD: the shared kernel does not
	 * know the demo; ProductionSafetyTest checks that it is refused).
	 */
	static final Set<String> KNOWN_PASSWORDS = Set.of("demo-password", "password1234", "password12345", "changeme1234",
			"change-me-please", "administrator", "123456789012", "coordinator1");

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("Refusing to start under the prod profile: " + String.join("; ", problems));
		}
	}

	static List<String> problems(Environment environment) {
		List<String> problems = new ArrayList<>();
		if (environment.getProperty("iop.demo-data", Boolean.class, false)) {
			problems.add("demo data is enabled (iop.demo-data / IOP_DEMO_DATA must be false)");
		}
		String bootstrap = environment.getProperty("iop.bootstrap-coordinator", "");
		int colon = bootstrap.indexOf(':');
		if (colon > 0 && isWeak(bootstrap.substring(0, colon), bootstrap.substring(colon + 1))) {
			problems.add("the bootstrap coordinator's password (IOP_BOOTSTRAP_COORDINATOR) is weak: use at least "
					+ MINIMUM_PASSWORD_LENGTH + " characters, not a default and not the username");
		}
		String url = environment.getProperty("spring.datasource.url", "");
		if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
			problems.add("the database is H2; production runs on PostgreSQL "
					+ "(SPRING_DATASOURCE_URL=jdbc:postgresql://host:5432/db)");
		}
		return problems;
	}

	static boolean isWeak(String username, String password) {
		return password.length() < MINIMUM_PASSWORD_LENGTH
				|| KNOWN_PASSWORDS.contains(password.toLowerCase(Locale.ROOT)) || password.equalsIgnoreCase(username);
	}

}
