package org.iopscheduler.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.people.Account;
import org.iopscheduler.support.Clinic;
import org.iopscheduler.support.Clinic.Group;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A read's audit lines are committed (with other reads') before its answer is sent; a
 * change's lines are written in the change's own transaction, never in a batch of reads.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(Clinic.class)
class ReadAuditLinesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Clinic clinic;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReadLinesGroupCommit readLines;

	@Test
	void aReadsLineIsStoredBeforeItsAnswer() throws Exception {
		Account coordinator = clinic.coordinator();
		Account participant = clinic.participant();
		long commits = readLines.commits();

		mvc.perform(
				get("/api/participants/{id}/schedule", participant.getId()).with(user(Clinic.signedIn(coordinator))))
			.andExpect(status().isOk());

		assertThat(linesOf("READ_SCHEDULE", coordinator, participant)).isOne();
		assertThat(readLines.commits()).as("stored by the reads' group commit").isEqualTo(commits + 1);
	}

	@Test
	void aChangesLineCommitsWithTheChangeNotWithTheReads() throws Exception {
		Account counselor = clinic.counselor();
		Group group = clinic.group(counselor);
		Account participant = clinic.participant();
		clinic.enrol(group, participant);
		DatedSession session = clinic.firstSession(group);
		long commits = readLines.commits();

		mvc.perform(put("/api/sessions/{s}/attendance/{p}", session.getId(), participant.getId())
			.with(user(Clinic.signedIn(counselor)))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"PRESENT\"}")).andExpect(status().isOk());

		assertThat(linesOf("MARK_ATTENDANCE", counselor, participant)).isOne();
		assertThat(readLines.commits()).as("no batch of reads").isEqualTo(commits);
	}

	private long linesOf(String action, Account actor, Account participant) {
		return jdbc.queryForObject(
				"select count(*) from audit_event where action = ? and actor_id = ? and participant_id = ?", Long.class,
				action, actor.getId(), participant.getId());
	}

}
