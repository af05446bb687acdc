package org.iopscheduler;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are application modules that talk only through their public types:
 * no cycles between them, nobody reaching into another's internals (its {@code internal}
 * and {@code web} sub-packages, and so its repositories). The module documentation in
 * docs/modules/ is written from the same model.
 */
class ModularityTest {

	/**
	 * The benchmark's data generator ({@code bench}) is leaving src/main: until it has,
	 * it is no module of the application.
	 */
	static final ApplicationModules MODULES = ApplicationModules.of(IopSchedulerApplication.class,
			JavaClass.Predicates.resideInAPackage("org.iopscheduler.bench.."));

	@Test
	void theModulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentationIntoDocsModules() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
	}

}
