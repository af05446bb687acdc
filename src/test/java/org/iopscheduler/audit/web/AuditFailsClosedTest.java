package org.iopscheduler.audit.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willThrow;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;

import org.junit.jupiter.api.Test;

import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.people.Account;
import org.iopscheduler.support.Clinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Nobody reads a participant's records without leaving a line in the audit log. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Clinic.class)
class AuditFailsClosedTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clinic clinic;

	@MockitoBean
	AuditLog auditLog;

	@Test
	void whenTheLineCannotBeWrittenTheRecordsAreNotShown() throws Exception {
		willThrow(new DataAccessResourceFailureException("audit table unavailable")).given(auditLog)
			.record(any(), any());
		// a read's lines are stored with other reads' (ReadLinesGroupCommit)
		willThrow(new DataAccessResourceFailureException("audit table unavailable")).given(auditLog).recordAll(any());
		Account participant = clinic.participant();

		mvc.perform(get("/api/participants/{id}/schedule", participant.getId())
			.with(user(Clinic.signedIn(clinic.coordinator()))))
			.andExpect(status().isServiceUnavailable())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("the records are not shown")))
			.andExpect(jsonPath("$[0]").doesNotExist());
	}

}
