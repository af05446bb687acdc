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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditEvent;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.people.Account;
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
