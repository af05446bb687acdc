package org.iopscheduler.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditEvent;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.Passwords;
import org.iopscheduler.support.Clinic;
import org.iopscheduler.support.Clinic.Group;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What must be audited is read from the answers' types, not from paths: every handler
 * whose return type carries a participant's data (a {@code participantId} or
 * {@code participantIds} field at any depth, or a {@link ParticipantData} type) is
 * {@link Audited}, and those whose lines name the participants in the answer really leave
 * a line for each. The only way out is {@link NotAudited}, with its reason.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Clinic.class)
class AuditCoverageTest {

	private static final Set<String> PARTICIPANT_FIELDS = Set.of("participantId", "participantIds");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clinic clinic;

	@Autowired
	AuditLog auditLog;

	@Test
	void everyHandlerWhoseAnswerCarriesParticipantDataIsAudited() {
		Set<String> carrying = new TreeSet<>();
		Set<String> notAudited = new TreeSet<>();
		for (HandlerMethod handler : ourHandlers()) {
			if (carriesParticipantData(handler.getReturnType().getGenericParameterType())) {
				carrying.add(name(handler));
				NotAudited exempt = handler.getMethodAnnotation(NotAudited.class);
				if (exempt != null) {
					assertThat(exempt.value()).as("why " + name(handler) + " is not audited").isNotBlank();
				}
				else if (audited(handler) == null) {
					notAudited.add(name(handler) + " " + handler.getReturnType().getGenericParameterType());
				}
			}
		}
		assertThat(carrying).as("handlers whose answers carry participant data").isNotEmpty();
		assertThat(notAudited).as("mark them @Audited (the answer shows a participant's data)").isEmpty();
	}

	@Test
	void aHandlerAuditedForTheParticipantsInItsAnswerHasParticipantsInItsAnswer() {
		Set<String> nobodyToFind = new TreeSet<>();
		for (HandlerMethod handler : ourHandlers()) {
			Audited audited = audited(handler);
			if (audited != null && (audited.whose() == Whose.IN_ANSWER || audited.whose() == Whose.ANSWER_IDS)
					&& !carriesParticipantData(handler.getReturnType().getGenericParameterType())) {
				nobodyToFind.add(name(handler));
			}
		}
		assertThat(nobodyToFind).as("their lines would name nobody").isEmpty();
	}

	@Test
	void theTypeWalkFindsParticipantsInRecordsCollectionsMapsAndResponseEntities() throws Exception {
		record Mark(long participantId) {
		}
		record Sheet(String title, List<Mark> marks) {
		}
		record Roster(Map<String, Optional<Set<Long>>> byDay, List<Long> participantIds) {
		}
		record Nothing(String title, List<String> notes, Long counselorId) {
		}
		@ParticipantData
		record Account(Long id, String fullName) {
		}
		class Answers {

			ResponseEntity<List<Sheet>> sheets() {
				return null;
			}

			Map<String, Roster[]> rosters() {
				return null;
			}

			ResponseEntity<?> unknown() {
				return null;
			}

			List<Nothing> nothing() {
				return null;
			}

		}
		assertThat(carriesParticipantData(Answers.class.getDeclaredMethod("sheets").getGenericReturnType())).isTrue();
		assertThat(carriesParticipantData(Answers.class.getDeclaredMethod("rosters").getGenericReturnType())).isTrue();
		assertThat(carriesParticipantData(Answers.class.getDeclaredMethod("unknown").getGenericReturnType())).isFalse();
		assertThat(carriesParticipantData(Answers.class.getDeclaredMethod("nothing").getGenericReturnType())).isFalse();
		assertThat(carriesParticipantData(Account.class)).isTrue();
	}

	/**
	 * Pages hold their participant data in the model, which no type shows; what shows it
	 * is the page naming them through {@link PageAudit}. Every handler that reaches
	 * PageAudit (itself or through its class's helpers) is
	 * {@code @Audited(whose = PAGE)}, so its lines are written in its transaction; and
	 * every such handler does reach it.
	 */
	@Test
	void everyPageThatNamesParticipantsIsAuditedAndEveryAuditedPageNamesThem() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.iopscheduler");
		Set<JavaMethod> reaching = new HashSet<>();
		Deque<JavaCodeUnit> toVisit = new ArrayDeque<>();
		classes.get(PageAudit.class)
			.getMethods()
			.stream()
			.filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
			.forEach(toVisit::add);
		Set<JavaCodeUnit> visited = new HashSet<>();
		while (!toVisit.isEmpty()) {
			JavaCodeUnit callee = toVisit.pop();
			if (!visited.add(callee)) {
				continue;
			}
			for (JavaCall<?> call : callee.getCallsOfSelf()) {
				JavaCodeUnit caller = call.getOrigin();
				if (caller.getOwner().isEquivalentTo(PageAudit.class)) {
					continue;
				}
				if (caller instanceof JavaMethod method && isHandler(method)) {
					reaching.add(method);
				}
				toVisit.add(caller);
				// a lambda's body is a synthetic method named after the method it is in
				if (caller.getName().startsWith("lambda$")) {
					String enclosing = caller.getName().split("\\$")[1];
					caller.getOwner()
						.getMethods()
						.stream()
						.filter(m -> m.getName().equals(enclosing))
						.forEach(toVisit::add);
				}
			}
		}
		assertThat(reaching).as("handlers that name participants through PageAudit").isNotEmpty();
		Set<String> notAudited = new TreeSet<>();
		for (JavaMethod handler : reaching) {
			if (!handler.isAnnotatedWith(Audited.class)
					|| handler.getAnnotationOfType(Audited.class).whose() != Whose.PAGE) {
				notAudited.add(handler.getFullName());
			}
		}
		assertThat(notAudited).as("mark them @Audited(whose = Whose.PAGE)").isEmpty();
		Set<String> namingNobody = new TreeSet<>();
		for (JavaClass c : classes) {
			for (JavaMethod m : c.getMethods()) {
				if (m.isAnnotatedWith(Audited.class) && m.getAnnotationOfType(Audited.class).whose() == Whose.PAGE
						&& !reaching.contains(m)) {
					namingNobody.add(m.getFullName());
				}
			}
		}
		assertThat(namingNobody).as("audited pages that never name their participants").isEmpty();
	}

	/**
	 * A password change, reset or unlock answers nothing, so no type shows it: every
	 * handler that calls Passwords to change an account is audited for that account.
	 */
	@Test
	void everyHandlerThatChangesAnAccountsSignInIsAuditedForTheAccount() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("org.iopscheduler");
		Set<String> changing = new TreeSet<>();
		Set<String> notAudited = new TreeSet<>();
		for (JavaMethod change : classes.get(Passwords.class).getMethods()) {
			if (!change.getModifiers().contains(JavaModifier.PUBLIC)
					|| !change.getRawReturnType().getName().equals("void")) {
				continue;
			}
			for (JavaCall<?> call : change.getCallsOfSelf()) {
				if (call.getOrigin() instanceof JavaMethod handler && isHandler(handler)) {
					changing.add(handler.getFullName());
					if (!handler.isAnnotatedWith(Audited.class) || !Set.of(Whose.CALLER_ACCOUNT, Whose.PATH_ACCOUNT)
						.contains(handler.getAnnotationOfType(Audited.class).whose())) {
						notAudited.add(handler.getFullName());
					}
				}
			}
		}
		assertThat(changing).as("handlers that change passwords or unlock").hasSizeGreaterThanOrEqualTo(6);
		assertThat(notAudited).as("mark them @Audited(whose = CALLER_ACCOUNT or PATH_ACCOUNT)").isEmpty();
	}

	private static boolean isHandler(JavaMethod method) {
		return method.isMetaAnnotatedWith(RequestMapping.class);
	}

	/** The three answers that showed rosters without a line until #11. */
	@Nested
	class SessionsShowTheirRosters {

		@Test
		void aSessionReadByItsId() throws Exception {
			Account participant = enrolledParticipant();
			DatedSession session = clinic.firstSession(group);

			mvc.perform(get("/api/sessions/{id}", session.getId()).with(user(Clinic.signedIn(coordinator))))
				.andExpect(status().isOk());

			assertThat(linesAbout(participant)).extracting(AuditEvent::getAction)
				.containsExactly(AuditAction.READ_ROSTER);
		}

		@Test
		void aProgramsWeekOfSessions() throws Exception {
			Account participant = enrolledParticipant();

			mvc.perform(get("/api/programs/{id}/sessions", group.program().getId()).param("week", "2025-W02")
				.with(user(Clinic.signedIn(coordinator)))).andExpect(status().isOk());

			assertThat(linesAbout(participant)).extracting(AuditEvent::getAction)
				.containsExactly(AuditAction.READ_ROSTER);
		}

		@Test
		void aCancelledSession() throws Exception {
			Account participant = enrolledParticipant();
			DatedSession session = clinic.firstSession(group);

			mvc.perform(post("/api/sessions/{id}/cancel", session.getId()).with(user(Clinic.signedIn(coordinator)))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"counselor ill\"}")).andExpect(status().isOk());

			assertThat(linesAbout(participant)).singleElement().satisfies(line -> {
				assertThat(line.getAction()).isEqualTo(AuditAction.CANCEL_SESSION);
				assertThat(line.getAction().isChange()).isTrue();
				assertThat(line.getMethod()).isEqualTo("POST");
			});
		}

		Account coordinator;

		Group group;

		private Account enrolledParticipant() {
			coordinator = clinic.coordinator();
			group = clinic.group(clinic.counselor());
			Account participant = clinic.participant();
			clinic.enrol(group, participant);
			return participant;
		}

	}

	private List<AuditEvent> linesAbout(Account someone) {
		return auditLog.search(someone.getId(), null, null, null, 0, 100).getContent();
	}

	private List<HandlerMethod> ourHandlers() {
		return mappings.getHandlerMethods()
			.values()
			.stream()
			.filter(h -> h.getBeanType().getPackageName().startsWith("org.iopscheduler"))
			.toList();
	}

	private static Audited audited(HandlerMethod handler) {
		return AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Audited.class);
	}

	private static String name(HandlerMethod handler) {
		return handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
	}

	static boolean carriesParticipantData(Type type) {
		return carries(type, new HashSet<>());
	}

	/**
	 * Walks a type as the answer's JSON would: records and classes of ours by their
	 * fields, anything generic (ResponseEntity, List, Map, Optional...) by its type
	 * arguments, arrays by their elements.
	 */
	private static boolean carries(Type type, Set<Type> seen) {
		if (!seen.add(type)) {
			return false;
		}
		if (type instanceof ParameterizedType parameterized) {
			return carries(parameterized.getRawType(), seen)
					|| Arrays.stream(parameterized.getActualTypeArguments()).anyMatch(t -> carries(t, seen));
		}
		if (type instanceof GenericArrayType array) {
			return carries(array.getGenericComponentType(), seen);
		}
		if (type instanceof WildcardType wildcard) {
			return Arrays.stream(wildcard.getUpperBounds()).anyMatch(t -> carries(t, seen));
		}
		if (type instanceof TypeVariable<?> variable) {
			return Arrays.stream(variable.getBounds()).anyMatch(t -> carries(t, seen));
		}
		if (!(type instanceof Class<?> c)) {
			return false;
		}
		if (c.isArray()) {
			return carries(c.getComponentType(), seen);
		}
		if (c.isAnnotationPresent(ParticipantData.class)) {
			return true;
		}
		if (c.isEnum() || c.isPrimitive() || !c.getName().startsWith("org.iopscheduler")) {
			return false;
		}
		for (Class<?> k = c; k != null && k != Object.class && k != Record.class; k = k.getSuperclass()) {
			for (Field field : k.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) || field.isSynthetic()) {
					continue;
				}
				if (PARTICIPANT_FIELDS.contains(field.getName()) || carries(field.getGenericType(), seen)) {
					return true;
				}
			}
		}
		return false;
	}

}
