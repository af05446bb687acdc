package org.iopscheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.program.Program;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.data.repository.Repository;

/** The layout the style guide asks for, checked. */
class ArchitectureTest {

	static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(location -> !location.contains("__") && !location.contains("$$SpringCGLIB$$"))
		.importPackages("org.iopscheduler");

	/**
	 * The bean registrations, repositories and proxies Spring AOT writes into
	 * target/classes ({@code ./mvnw -Paot}, scripts/pack.sh) are generated from the code
	 * these rules check, not written: they name every module's beans, as the application
	 * class's configuration does.
	 */
	static boolean generatedBySpringAot(JavaClass type) {
		return type.getName().contains("__") || type.getName().contains("$$SpringCGLIB$$");
	}

	/**
	 * The fast start (scripts/pack.sh) runs the bean graph Spring AOT fixed at build
	 * time, where a profile or a property condition is judged once, without the settings
	 * the service starts with: demo data and the prod checks would follow the build, not
	 * IOP_DEMO_DATA or the profile. Such settings are read when the service starts
	 * (DemoData, ProductionSafety).
	 */
	@Test
	void settingsThatChooseBeansAreReadAtRunTime() {
		noClasses().should()
			.beAnnotatedWith(Profile.class)
			.orShould()
			.beAnnotatedWith(ConditionalOnProperty.class)
			.check(CLASSES);
		noMethods().should()
			.beAnnotatedWith(Profile.class)
			.orShould()
			.beAnnotatedWith(ConditionalOnProperty.class)
			.check(CLASSES);
	}

	@Test
	void nothingDependsOnTheDemoData() {
		noClasses().that()
			.resideOutsideOfPackage("org.iopscheduler.demo..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.iopscheduler.demo..")
			.check(CLASSES);
	}

	@Test
	void theDomainDoesNotKnowTheWebEdge() {
		noClasses().that()
			.resideOutsideOfPackages("..web..", "org.iopscheduler.system..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..web..")
			.check(CLASSES);
	}

	@Test
	void entitiesNeverLeaveThroughAController() {
		com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods()
			.that()
			.areDeclaredInClassesThat()
			.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
			.should()
			.haveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe("a JPA entity",
					(com.tngtech.archunit.core.domain.JavaClass type) -> type
						.isAnnotatedWith(jakarta.persistence.Entity.class)))
			.check(CLASSES);
	}

	@Test
	void theDomainDoesNotReachIntoSpringMvc() {
		noClasses().that()
			.resideOutsideOfPackages("..web..", "org.iopscheduler.system..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
			.check(CLASSES);
	}

	/**
	 * A feature's tables are its own: another feature asks its services, never its
	 * repositories. (ModularityTest enforces the same for the repositories in a module's
	 * {@code internal} package; this rule holds wherever a repository lives.)
	 */
	@Test
	void aRepositoryIsUsedOnlyByItsOwnModule() {
		classes().that()
			.areAssignableTo(Repository.class)
			.and()
			.areInterfaces()
			.should(beUsedOnlyWithinTheirModule())
			.check(CLASSES);
	}

	private static ArchCondition<JavaClass> beUsedOnlyWithinTheirModule() {
		return new ArchCondition<>("be used only within their own module") {
			@Override
			public void check(JavaClass repository, ConditionEvents events) {
				for (Dependency use : repository.getDirectDependenciesToSelf()) {
					if (!moduleOf(use.getOriginClass()).equals(moduleOf(repository))) {
						events.add(SimpleConditionEvent.violated(use, use.getDescription()));
					}
				}
			}
		};
	}

	/** The module of a class: the package under org.iopscheduler it belongs to. */
	private static String moduleOf(JavaClass type) {
		String below = type.getPackageName().substring("org.iopscheduler".length());
		return below.isEmpty() ? "" : below.substring(1).split("\\.")[0];
	}

	/**
	 * A refusal says which rule, which field, which numbers; what HTTP status it becomes
	 * is the web edge's business alone (the problem advice), so the domain and its
	 * exceptions know nothing of HTTP.
	 */
	@Test
	void theDomainAndItsRefusalsDoNotSpeakHttp() {
		noClasses().that()
			.resideOutsideOfPackages("..web..", "org.iopscheduler.system..")
			.or()
			.areAssignableTo(org.iopscheduler.system.DomainException.class)
			.or()
			.belongToAnyOf(org.iopscheduler.system.Refusal.class)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.http..")
			.check(CLASSES);
	}

	/**
	 * "Now", "today" and "this week" come from the clinic calendar; a page or endpoint
	 * never reads the clock.
	 */
	@Test
	void theWebEdgeDoesNotReadTheClock() {
		noClasses().that()
			.resideInAPackage("..web..")
			.should()
			.dependOnClassesThat()
			.belongToAnyOf(Clock.class)
			.check(CLASSES);
	}

	/**
	 * Nor does it work out a day or a week from an instant in a zone of its own choosing
	 * (UTC, the server's): that is how the API and the pages came to disagree about the
	 * week.
	 */
	@Test
	void theWebEdgeTakesTodayFromTheClinicCalendar() {
		noClasses().that()
			.resideInAPackage("..web..")
			.should()
			.callMethodWhere(aTodayOfItsOwn())
			.orShould()
			.callMethod(Program.class, "today", Instant.class)
			.orShould()
			.callMethod(LocalDate.class, "ofInstant", Instant.class, java.time.ZoneId.class)
			.orShould()
			.accessField(ZoneOffset.class, "UTC")
			.check(CLASSES);
	}

	/**
	 * Everywhere else too, nobody but the clinic calendar asks the system clock for today
	 * or this week. The benchmark's data generator dates a whole generated data set from
	 * one instant it takes once. (Program.today(Instant), still called by services being
	 * rewritten, reads no clock of its own.)
	 */
	@Test
	void onlyTheClinicCalendarSaysWhatTodayIs() {
		noClasses().that()
			.doNotBelongToAnyOf(ClinicCalendar.class)
			.and()
			.resideOutsideOfPackage("org.iopscheduler.bench..")
			.should()
			.callMethodWhere(aTodayOfItsOwn())
			.check(CLASSES);
	}

	/**
	 * LocalDate.now() and its kin read a clock of their own; IsoWeek.containing is "this
	 * week" worked out by hand.
	 */
	private static DescribedPredicate<JavaMethodCall> aTodayOfItsOwn() {
		List<Class<?>> readTheClock = List.of(Instant.class, LocalDate.class, LocalDateTime.class, ZonedDateTime.class,
				OffsetDateTime.class);
		return DescribedPredicate.describe("LocalDate.now, Instant.now (and kin) or IsoWeek.containing",
				call -> "now".equals(call.getName())
						&& readTheClock.stream().anyMatch(type -> call.getTargetOwner().isEquivalentTo(type))
						|| call.getTargetOwner().isEquivalentTo(IsoWeek.class) && "containing".equals(call.getName()));
	}

}
