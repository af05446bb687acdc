package org.iopscheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The layout the style guide asks for, checked. */
class ArchitectureTest {

	static final JavaClasses CLASSES = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.iopscheduler");

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
					(com.tngtech.archunit.core.domain.JavaClass type) -> type.isAnnotatedWith(jakarta.persistence.Entity.class)))
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

}
