package org.iopscheduler.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.iopscheduler.people.Account;
import org.iopscheduler.people.Role;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.support.Clinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * No participant data or passwords in logs, checked by structure rather than by reading
 * log text: what could print a secret hides it, what could log values is switched off,
 * and password hashes stay where sign-in needs them.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Clinic.class)
class NoSecretsInLogsTest {

	private static final String MARK = "SECRET-";

	private static final JavaClasses SERVICE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.iopscheduler");

	@Autowired
	LoggingSystem logging;

	@Autowired
	Environment environment;

	@Test
	void recordsThatCarryAPasswordShowNoTextInToString() throws Exception {
		List<Class<?>> withPassword = SERVICE.stream()
			.map(JavaClass::reflect)
			.filter(Class::isRecord)
			.filter(type -> Arrays.stream(type.getRecordComponents())
				.anyMatch(c -> c.getName().toLowerCase(Locale.ROOT).contains("password")))
			.toList();
		assertThat(withPassword).as("the request records of the accounts API at least").hasSizeGreaterThanOrEqualTo(2);

		for (Class<?> type : withPassword) {
			assertThat(instanceWithMarkedText(type).toString()).as(type.getName() + ".toString()").doesNotContain(MARK);
		}
	}

	@Test
	void anAccountAndTheSignedInPersonPrintNeitherHashNorName() {
		Account account = Account.participant(MARK + "username", MARK + "hash", MARK + "full name",
				LocalDate.of(1987, 6, 5), Instant.parse("2026-01-01T00:00:00Z"));
		SignedIn signedIn = new SignedIn(7, MARK + "username", MARK + "full name", Role.PARTICIPANT, MARK + "hash",
				false, false);

		assertThat(account.toString()).doesNotContain(MARK).doesNotContain("1987");
		assertThat(signedIn.toString()).doesNotContain(MARK);
	}

	@Test
	void passwordHashesAreReadOnlyWhereSignInNeedsThem() {
		noClasses().that()
			.resideOutsideOfPackage("org.iopscheduler.people")
			.should()
			.callMethod(Account.class, "getPasswordHash")
			.orShould()
			.callMethod(SignedIn.class, "passwordHash")
			.orShould()
			.callMethod(SignedIn.class, "getPassword")
			.because("a hash that travels can end up in a log or a response")
			.check(SERVICE);
	}

	@Test
	void controllersDoNotLogWhatTheyReceiveOrReturn() {
		noClasses().that()
			.resideInAPackage("org.iopscheduler..web..")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.slf4j.Logger")
			.because("request and response records carry participants' data")
			.check(SERVICE);
	}

	/**
	 * Read from the source tree: the test classpath's own application.properties shadows
	 * the service's, so the settings a real start uses are checked where they are
	 * written.
	 */
	@Test
	void sqlValuesAndRequestDetailsAreNeverLogged() throws Exception {
		for (String file : List.of("application.properties", "application-prod.properties")) {
			Properties settings = PropertiesLoaderUtils
				.loadProperties(new FileSystemResource("src/main/resources/" + file));
			assertThat(settings).as(file)
				.containsEntry("logging.level.org.hibernate.orm.jdbc.bind", "off")
				.containsEntry("logging.level.org.hibernate.orm.jdbc.extract", "off")
				.containsEntry("spring.jpa.show-sql", "false")
				.containsEntry("spring.mvc.log-request-details", "false");
			// nothing at DEBUG: Spring MVC logs the bodies it reads and writes there,
			// Hibernate its values
			settings.stringPropertyNames()
				.stream()
				.filter(key -> key.startsWith("logging.level."))
				.forEach(key -> assertThat(settings.getProperty(key).toLowerCase(Locale.ROOT)).as(file + ": " + key)
					.isNotIn("debug", "trace", "all"));
		}
	}

	@Test
	void theRunningServiceLogsNoSqlValues() {
		assertThat(logging.getLoggerConfiguration("org.hibernate.orm.jdbc.bind").getEffectiveLevel())
			.isNotIn(LogLevel.DEBUG, LogLevel.TRACE);
		assertThat(logging.getLoggerConfiguration("org.springframework.web").getEffectiveLevel())
			.isNotIn(LogLevel.DEBUG, LogLevel.TRACE);
		assertThat(environment.getProperty("spring.jpa.show-sql", Boolean.class, false)).isFalse();
	}

	/** Every text component holds MARK + its name; other components get a plain value. */
	private static Object instanceWithMarkedText(Class<?> type) throws Exception {
		RecordComponent[] components = type.getRecordComponents();
		Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
		Object[] values = Arrays.stream(components).map(NoSecretsInLogsTest::sample).toArray();
		Constructor<?> canonical = type.getDeclaredConstructor(types);
		canonical.setAccessible(true);
		return canonical.newInstance(values);
	}

	private static Object sample(RecordComponent component) {
		Class<?> type = component.getType();
		if (type == String.class) {
			return MARK + component.getName();
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0];
		}
		if (type == LocalDate.class) {
			return LocalDate.of(1987, 6, 5);
		}
		if (type == int.class || type == long.class) {
			return type == int.class ? (Object) 1 : (Object) 1L;
		}
		if (type == boolean.class) {
			return false;
		}
		if (List.class.isAssignableFrom(type)) {
			return List.of();
		}
		return null;
	}

}
