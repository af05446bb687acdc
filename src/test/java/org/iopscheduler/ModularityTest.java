package org.iopscheduler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

	static final Path DOCUMENTATION = Path.of("docs/modules");

	static final ApplicationModules MODULES = ApplicationModules.of(IopSchedulerApplication.class);

	@Test
	void theModulesHaveNoCyclesAndUseOnlyEachOthersPublicTypes() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentationIntoDocsModules() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCUMENTATION.toString()))
			.writeDocumentation();
		try (Stream<Path> diagrams = Files.list(DOCUMENTATION)) {
			for (Path diagram : diagrams.filter(file -> file.toString().endsWith(".puml")).toList()) {
				inOrder(diagram);
			}
		}
	}

	/**
	 * The Documenter lists a diagram's components and relations in no fixed order:
	 * sorted, the committed diagrams change only when the modules do.
	 */
	private static void inOrder(Path diagram) throws IOException {
		List<String> lines = new ArrayList<>();
		List<String> run = new ArrayList<>();
		for (String line : Files.readAllLines(diagram)) {
			String statement = line.strip();
			if (statement.startsWith("Rel(") || statement.startsWith("Component(")) {
				run.add(line);
				continue;
			}
			run.sort(null);
			lines.addAll(run);
			run.clear();
			lines.add(line);
		}
		run.sort(null);
		lines.addAll(run);
		Files.writeString(diagram, String.join("\n", lines) + "\n");
	}

}
