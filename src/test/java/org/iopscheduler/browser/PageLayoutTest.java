package org.iopscheduler.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page is drawn by the one layout (fragments/layout.html, as petclinic does): the
 * head, the stylesheets, the icon, the skip link and the menu live there alone, so a fix
 * to them reaches every page, and each page passes its own title.
 */
class PageLayoutTest {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	@Test
	void everyPageUsesTheOneLayoutWithItsOwnTitleAndRepeatsNoneOfItsHead() throws IOException {
		List<Path> pages = pages();
		assertThat(pages).hasSizeGreaterThan(20);
		for (Path page : pages) {
			String html = Files.readString(page);
			assertThat(html).as(page.toString())
				.contains("th:replace=\"~{fragments/layout :: layout (")
				.doesNotContain("<head>", "<head ", "<link", "<meta", "skip-link", "class=\"app-header\"");
			assertThat(html.substring(html.indexOf("layout (") + 8)).as(page + ": its own title")
				.doesNotStartWith("null")
				.doesNotStartWith(",");
		}
	}

	private static List<Path> pages() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html"))
				.filter(f -> !f.startsWith(TEMPLATES.resolve("fragments")))
				.sorted()
				.toList();
		}
	}

}
