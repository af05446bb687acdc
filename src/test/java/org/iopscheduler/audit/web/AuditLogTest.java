package org.iopscheduler.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.iopscheduler.support.Clinic;
import org.iopscheduler.support.Clinic.Group;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditEvent;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.people.Account;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The audit log records who read or changed a participant's records; coordinators read
 * it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Clinic.class)
class AuditLogTest {

	private static final String WEEK = "2025-W02";

	@Autowired
	MockMvc mvc;

	@Autowired
	Clinic clinic;

	@Autowired
	AuditLog auditLog;

	Account coordinator;

	Account counselor;

	Account participant;

	Group group;

	@BeforeEach
	void aParticipantInAGroup() {
		coordinator = clinic.coordinator();
		counselor = clinic.counselor();
		participant = clinic.participant();
		group = clinic.group(counselor);
	}

	@Nested
	class ReadsAreRecorded {

		@Test
		void aCoordinatorReadingAParticipantsSchedule() throws Exception {
			mvc.perform(
					get("/api/participants/{id}/schedule?week={week}", participant.getId(), WEEK).with(as(coordinator)))
				.andExpect(status().isOk());

			assertThat(linesAbout(participant)).singleElement().satisfies(line -> {
				assertThat(line.getActorId()).isEqualTo(coordinator.getId());
				assertThat(line.getAction()).isEqualTo(AuditAction.READ_SCHEDULE);
				assertThat(line.getMethod()).isEqualTo("GET");
				assertThat(line.getTarget())
					.isEqualTo("/api/participants/" + participant.getId() + "/schedule?week=" + WEEK);
				assertThat(line.getOccurredAt()).isNotNull();
			});
		}

		@Test
		void aParticipantReadingTheirOwnDosage() throws Exception {
			mvc.perform(get("/api/me/dosage").param("from", WEEK).with(as(participant))).andExpect(status().isOk());

			assertThat(linesAbout(participant)).singleElement().satisfies(line -> {
				assertThat(line.getActorId()).isEqualTo(participant.getId());
				assertThat(line.getAction()).isEqualTo(AuditAction.READ_DOSAGE);
			});
		}

		@Test
		void theProgramDoseReportOnceForEachParticipantInIt() throws Exception {
			Account second = clinic.participant();
			clinic.enrol(group, participant);
			clinic.enrol(group, second);

			mvc.perform(
					get("/api/programs/{id}/dosage", group.program().getId()).param("week", WEEK).with(as(counselor)))
				.andExpect(status().isOk());

			assertThat(linesAbout(participant)).extracting(AuditEvent::getAction)
				.containsExactly(AuditAction.READ_DOSAGE);
			assertThat(linesAbout(second)).extracting(AuditEvent::getActorId).containsExactly(counselor.getId());
		}

		@Test
		void anAttendanceSheetForEachParticipantOnIt() throws Exception {
			clinic.enrol(group, participant);
			DatedSession session = clinic.firstSession(group);
			mark(session, "PRESENT");

			mvc.perform(get("/api/sessions/{id}/attendance", session.getId()).with(as(coordinator)))
				.andExpect(status().isOk());

			assertThat(linesAbout(participant)).extracting(AuditEvent::getAction)
				.containsExactly(AuditAction.READ_ATTENDANCE, AuditAction.MARK_ATTENDANCE);
		}

	}

	@Nested
	class ChangesAreRecorded {

		@Test
		void enrollingForTheParticipantNamedInTheRequest() throws Exception {
			mvc.perform(
					post("/api/programs/{id}/enrollments", group.program().getId()).with(as(coordinator))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"participantId\":" + participant.getId()
								+ ",\"startDate\":\"2025-01-06\",\"blockIds\":[" + group.blockId() + "]}"))
				.andExpect(status().isCreated());

			assertThat(linesAbout(participant)).singleElement().satisfies(line -> {
				assertThat(line.getAction()).isEqualTo(AuditAction.ENROL);
				assertThat(line.getAction().isChange()).isTrue();
				assertThat(line.getActorId()).isEqualTo(coordinator.getId());
				assertThat(line.getMethod()).isEqualTo("POST");
			});
		}

		@Test
		void markingAttendance() throws Exception {
			clinic.enrol(group, participant);

			mark(clinic.firstSession(group), "ABSENT");

			assertThat(linesAbout(participant)).singleElement().satisfies(line -> {
				assertThat(line.getAction()).isEqualTo(AuditAction.MARK_ATTENDANCE);
				assertThat(line.getActorId()).isEqualTo(counselor.getId());
				assertThat(line.getMethod()).isEqualTo("PUT");
			});
		}

		@Test
		void dischargingForTheEnrollmentsParticipant() throws Exception {
			long enrollmentId = clinic.enrol(group, participant).getId();

			mvc.perform(post("/api/enrollments/{id}/discharge", enrollmentId).with(as(coordinator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\":\"2025-02-03\",\"reason\":\"completed the program\"}")).andExpect(status().isOk());

			assertThat(linesAbout(participant)).extracting(AuditEvent::getAction)
				.containsExactly(AuditAction.DISCHARGE);
		}

	}

	@Nested
	class RefusedRequestsAreNotRecorded {

		@Test
		void anotherParticipantsScheduleAnswered404() throws Exception {
			Account other = clinic.participant();

			mvc.perform(get("/api/participants/{id}/schedule", participant.getId()).with(as(other)))
				.andExpect(status().isNotFound());

			assertThat(linesAbout(participant)).isEmpty();
		}

		@Test
		void aMarkTheRulesRefuse() throws Exception {
			clinic.enrol(group, participant);
			DatedSession session = clinic.firstSession(group);

			mvc.perform(
					put("/api/sessions/{s}/attendance/{p}", session.getId(), participant.getId()).with(as(counselor))
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"status\":\"LATE\"}"))
				.andExpect(status().isBadRequest());

			assertThat(linesAbout(participant)).isEmpty();
		}

	}

	@Nested
	class OnlyCoordinatorsReadTheLog {

		@Test
		void newestFirstOnePageAtATime() throws Exception {
			for (String path : List.of("schedule", "dosage", "enrollments")) {
				mvc.perform(get("/api/participants/{id}/" + path, participant.getId()).with(as(coordinator)))
					.andExpect(status().isOk());
			}

			mvc.perform(get("/api/audit").param("participantId", participant.getId().toString())
				.param("size", "2")
				.with(as(coordinator)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.totalItems").value(3))
				.andExpect(jsonPath("$.totalPages").value(2))
				.andExpect(jsonPath("$.items.length()").value(2))
				.andExpect(jsonPath("$.items[0].action").value("READ_ENROLLMENTS"))
				.andExpect(jsonPath("$.items[1].action").value("READ_DOSAGE"))
				.andExpect(jsonPath("$.items[0].actorId").value(coordinator.getId()))
				.andExpect(jsonPath("$.items[0].participantId").value(participant.getId()))
				.andExpect(jsonPath("$.items[0].change").value(false))
				.andExpect(jsonPath("$.items[0].at").isString());
			mvc.perform(get("/api/audit").param("participantId", participant.getId().toString())
				.param("size", "2")
				.param("page", "1")
				.with(as(coordinator)))
				.andExpect(jsonPath("$.items[*].action").value(Matchers.contains("READ_SCHEDULE")));
		}

		@Test
		void fromAndToNarrowTheLog() throws Exception {
			mvc.perform(get("/api/participants/{id}/schedule", participant.getId()).with(as(coordinator)));

			mvc.perform(get("/api/audit").param("participantId", participant.getId().toString())
				.param("from", "2200-12-31T00:00:00Z")
				.with(as(coordinator))).andExpect(jsonPath("$.totalItems").value(0));
			mvc.perform(get("/api/audit").param("from", "2999-01-01T00:00:00Z").with(as(coordinator)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(Matchers.containsString("from 1900-01-01 to 2200-12-31")));
			mvc.perform(get("/api/audit").param("participantId", participant.getId().toString())
				.param("from", "2000-01-01T00:00:00-05:00")
				.with(as(coordinator))).andExpect(jsonPath("$.totalItems").value(1));
			mvc.perform(get("/api/audit").param("from", "yesterday").with(as(coordinator)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value(Matchers.startsWith("from: 'yesterday' is not an instant")));
			mvc.perform(get("/api/audit").param("from", "2026-02-01T00:00:00Z")
				.param("to", "2026-01-01T00:00:00Z")
				.with(as(coordinator)))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.detail").value("from must be before to"));
		}

		@Test
		void theApiDocumentationDescribesIt() throws Exception {
			mvc.perform(get("/v3/api-docs"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.paths['/api/audit'].get.summary")
					.value(Matchers.containsString("coordinators only")))
				.andExpect(jsonPath("$.paths['/api/audit'].get.parameters[*].name")
					.value(Matchers.hasItems("participantId", "from", "to", "page", "size")));
		}

		@Test
		void counselorsAndParticipantsAreRefused() throws Exception {
			mvc.perform(get("/api/audit").with(as(counselor))).andExpect(status().isForbidden());
			mvc.perform(get("/api/audit").with(as(participant))).andExpect(status().isForbidden());
			mvc.perform(get("/api/audit")).andExpect(status().isUnauthorized());
		}

	}

	private void mark(DatedSession session, String status) throws Exception {
		mvc.perform(put("/api/sessions/{s}/attendance/{p}", session.getId(), participant.getId()).with(as(counselor))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"" + status + "\"}")).andExpect(status().isOk());
	}

	private List<AuditEvent> linesAbout(Account someone) {
		return auditLog.search(someone.getId(), null, null, null, 0, 100).getContent();
	}

	private static RequestPostProcessor as(Account account) {
		return user(Clinic.signedIn(account));
	}

}
