package org.iopscheduler.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Under the {@code prod} profile the service refuses to start with settings that belong
 * to a demo or a developer's machine. It checks before any other bean exists, so nothing
 * is written first.
 * <ul>
 * <li>demo data ({@code iop.demo-data=true}): its accounts have a published
 * password;</li>
 * <li>a bootstrap coordinator whose password the one {@link PasswordPolicy} refuses
 * (shorter than 12 characters, a common password or the demo's, or the username);</li>
 * <li>H2: production is PostgreSQL. An H2 file belongs to one process, so a second
 * instance cannot share it, and an in-memory one loses everything at the first
 * restart.</li>
 * </ul>
 * The profile is asked at run time, not with {@code @Profile}: the packaged service's
 * bean graph is fixed when the jar is built (Spring AOT), and a {@code @Profile} there
 * would be judged once, at build time, without the prod profile.
 */
@Component
class ProductionSafety implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
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
		if (colon > 0) {
			PasswordPolicy.standard()
				.refusal(bootstrap.substring(0, colon), bootstrap.substring(colon + 1))
				.ifPresent(rule -> problems
					.add("the bootstrap coordinator's password (IOP_BOOTSTRAP_COORDINATOR) is weak: it " + rule
							+ " (at least " + PasswordPolicy.MINIMUM_LENGTH
							+ " characters, not a common password, not the username)"));
		}
		String url = environment.getProperty("spring.datasource.url", "");
		if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
			problems.add("the database is H2; production runs on PostgreSQL "
					+ "(SPRING_DATASOURCE_URL=jdbc:postgresql://host:5432/db)");
		}
		return problems;
	}

}
