package org.iopscheduler.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule code the service can refuse with has a coordinator's sentence,
 * {@code refused.<rule>} in messages.properties: the codes are read from the source, so a
 * new rule without words fails here.
 */
class EveryRuleHasWordsTest {

	// Refusal.of("plan.block-full", ...), new PasswordRefused("password.policy", ...),
	// static final String OVERLAP = "plan.overlap"; not a setting's name
	// ("iop.dose.clock-period")
	private static final Pattern RULE = Pattern.compile(
			"(?:Refusal\\.of\\(|PasswordRefused\\(|static final String [A-Z_]+ = )\\s*\"(?!iop\\.)([a-z][a-z-]*\\.[a-z][a-z.-]*)\"");

	@Test
	void everyRuleCodeThrownInTheServiceHasARefusedMessage() throws IOException {
		Set<String> rules = rulesInSource();
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
			messages.load(in);
		}

		assertThat(rules).hasSizeGreaterThan(40);
		assertThat(rules).allSatisfy(rule -> assertThat(messages).as("refused." + rule).containsKey("refused." + rule));
	}

	private static Set<String> rulesInSource() throws IOException {
		Set<String> rules = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher rule = RULE.matcher(Files.readString(file));
				while (rule.find()) {
					rules.add(rule.group(1));
				}
			}
		}
		return rules;
	}

}
