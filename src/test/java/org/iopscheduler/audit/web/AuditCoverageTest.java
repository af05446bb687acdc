package org.iopscheduler.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.iopscheduler.support.Clinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API mapping about participants is audited, unless it is named here with the
 * reason it is not; and no audit rule names a mapping that no longer exists.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Clinic.class)
class AuditCoverageTest {

	/** Words in a path that mean it reads or changes a participant's records. */
	private static final Set<String> ABOUT_PARTICIPANTS = Set.of("participant", "/me/", "enrollment", "attendance",
			"make-up", "dosage");

	/** Mappings about participants that are deliberately not audited, with the reason. */
	private static final Map<String, String> NOT_AUDITED = Map.of("POST /api/me/password",
			"audited by the change itself (CHANGE_PASSWORD), in the change's own transaction");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Set<String> apiMappings;

	@BeforeEach
	void ourApiMappings() {
		apiMappings = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("org.iopscheduler")) {
				continue;
			}
			RequestMappingInfo info = entry.getKey();
			for (String pattern : info.getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods()) {
					if (pattern.startsWith("/api/")) {
						apiMappings.add(method.name() + " " + pattern);
					}
				}
			}
		}
	}

	@Test
	void everyMappingAboutParticipantsIsAudited() {
		Set<String> audited = new TreeSet<>();
		AuditedRequests.RULES.forEach(rule -> audited.add(rule.method() + " " + rule.pattern()));

		Set<String> missing = new TreeSet<>();
		for (String mapping : apiMappings) {
			boolean aboutParticipants = ABOUT_PARTICIPANTS.stream().anyMatch(mapping::contains);
			if (aboutParticipants && !audited.contains(mapping) && !NOT_AUDITED.containsKey(mapping)) {
				missing.add(mapping);
			}
		}
		assertThat(missing).as("add them to AuditedRequests (or to NOT_AUDITED, with the reason)").isEmpty();
	}

	@Test
	void noRuleOutlivesItsMapping() {
		assertThat(apiMappings).as("request mappings").isNotEmpty();
		AuditedRequests.RULES.forEach(rule -> assertThat(apiMappings).as("an audit rule's mapping")
			.contains(rule.method() + " " + rule.pattern()));
	}

}
