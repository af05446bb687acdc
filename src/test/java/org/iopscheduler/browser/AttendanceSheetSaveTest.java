package org.iopscheduler.browser;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.iopscheduler.attendance.AttendanceChange;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.attendance.internal.AttendanceChangeRepository;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditEvent;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.browser.PageFixtures.Evening;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.people.Account;
import org.iopscheduler.people.SignedIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The counselor's sheet is one act: saved whole (every mark, its history and one audit
 * entry, in one transaction) or not at all, and then shown again as the counselor filled
 * it in.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
@AutoConfigureMockMvc
@Import({ BrowserTestBase.StillClock.class, PageFixtures.class })
class AttendanceSheetSaveTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PageFixtures fixtures;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AttendanceChangeRepository changes;

	/**
	 * A Monday session of 180 minutes with three participants, Avery already marked
	 * present.
	 */
	record Sheet(Account counselor, DatedSession session, Account avery, Account blake, Account casey) {
	}

	private Sheet sheet(String program) {
		Account counselor = fixtures.counselor("Sheet Counselor");
		Evening evening = fixtures.evening(program, counselor);
		Account avery = fixtures.participant("Avery Sheet");
		Account blake = fixtures.participant("Blake Sheet");
		Account casey = fixtures.participant("Casey Sheet");
		for (Account participant : List.of(avery, blake, casey)) {
			fixtures.enrol(evening.program(), participant, PageFixtures.MONDAY.minusWeeks(1), evening.blockIds());
		}
		DatedSession session = fixtures.session(evening.program(), evening.monday(), PageFixtures.MONDAY);
		fixtures.mark(session, avery, AttendanceStatus.PRESENT, null, counselor);
		return new Sheet(counselor, session, avery, blake, casey);
	}

	private static MockHttpServletRequestBuilder row(MockHttpServletRequestBuilder request, int index,
			Account participant, AttendanceStatus status, Integer minutes) {
		return request.param("rows[" + index + "].participantId", String.valueOf(participant.getId()))
			.param("rows[" + index + "].status", status.name())
			.param("rows[" + index + "].minutes", minutes == null ? "" : String.valueOf(minutes));
	}

	private MockHttpServletRequestBuilder save(Sheet sheet) {
		return post("/sessions/" + sheet.session().getId() + "/attendance")
			.with(user(SignedIn.of(sheet.counselor(), false)))
			.with(csrf());
	}

	private List<AuditEvent> sheetAudit(Sheet sheet) {
		return auditLog.search(null, sheet.counselor().getId(), null, null, 0, 100)
			.stream()
			.filter(e -> e.getAction() == AuditAction.MARK_ATTENDANCE)
			.toList();
	}

	@Test
	void aSheetWithOneRefusedRowSavesNothingAndShowsEveryRowAsEntered() throws Exception {
		Sheet sheet = sheet("Refused Sheet IOP");
		long historyBefore = changes.countBySessionId(sheet.session().getId());
		var request = save(sheet);
		row(request, 0, sheet.avery(), AttendanceStatus.ABSENT, null);
		row(request, 1, sheet.blake(), AttendanceStatus.PRESENT, null);
		row(request, 2, sheet.casey(), AttendanceStatus.LATE, 180);

		mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nothing was saved")))
			.andExpect(content().string(containsString("Enter the minutes attended: more than 0 and less than 180.")))
			.andExpect(content().string(containsString(
					"id=\"p" + sheet.casey().getId() + "-minutes\" name=\"rows[2].minutes\" value=\"180\"")))
			.andExpect(content().string(containsString(checked(sheet.avery(), AttendanceStatus.ABSENT, 0))))
			.andExpect(content().string(containsString(checked(sheet.blake(), AttendanceStatus.PRESENT, 1))));

		assertThat(fixtures.markOf(sheet.session(), sheet.avery())).isEqualTo(AttendanceStatus.PRESENT);
		assertThat(fixtures.markOf(sheet.session(), sheet.blake())).isNull();
		assertThat(fixtures.markOf(sheet.session(), sheet.casey())).isNull();
		assertThat(changes.countBySessionId(sheet.session().getId())).isEqualTo(historyBefore);
		assertThat(sheetAudit(sheet)).isEmpty();
	}

	/**
	 * Nothing of a refused sheet is saved, no mark is audited, but the sheet shown again
	 * shows every row's participant: that read is in the log.
	 */
	@Test
	void aRefusedSheetShownAgainIsRecordedAsAReadOfEveryRow() throws Exception {
		Sheet sheet = sheet("Refused Read IOP");
		var request = save(sheet);
		row(request, 0, sheet.avery(), AttendanceStatus.ABSENT, null);
		row(request, 1, sheet.blake(), AttendanceStatus.LATE, 180);

		mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Nothing was saved")));

		assertThat(sheetAudit(sheet)).isEmpty();
		assertThat(auditLog.search(null, sheet.counselor().getId(), null, null, 0, 100).getContent())
			.filteredOn(e -> e.getAction() == AuditAction.READ_ATTENDANCE)
			.extracting(AuditEvent::getParticipantId)
			.containsExactlyInAnyOrder(sheet.avery().getId(), sheet.blake().getId());
	}

	@Test
	void aSheetNamingSomeoneNoLongerOnTheRosterSavesNothingAndSaysWhichRow() throws Exception {
		Sheet sheet = sheet("Roster Sheet IOP");
		Account gone = fixtures.participant("Dana Gone");
		var request = save(sheet);
		row(request, 0, sheet.blake(), AttendanceStatus.PRESENT, null);
		row(request, 1, gone, AttendanceStatus.PRESENT, null);

		mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dana Gone")))
			.andExpect(content().string(containsString("id=\"p" + gone.getId() + "-error\"")))
			.andExpect(content().string(containsString("No longer on this session")))
			.andExpect(content().string(containsString(checked(sheet.blake(), AttendanceStatus.PRESENT, 0))));

		assertThat(fixtures.markOf(sheet.session(), sheet.blake())).isNull();
		assertThat(sheetAudit(sheet)).isEmpty();
	}

	@Test
	void aValidSheetSavesEveryRowAndLeavesOneAuditEntryNamingWhoseMarksChanged() throws Exception {
		Sheet sheet = sheet("Valid Sheet IOP");
		var request = save(sheet);
		row(request, 0, sheet.avery(), AttendanceStatus.PRESENT, null);
		row(request, 1, sheet.blake(), AttendanceStatus.ABSENT, null);
		row(request, 2, sheet.casey(), AttendanceStatus.LATE, 150);

		mvc.perform(request).andExpect(status().is3xxRedirection());

		assertThat(fixtures.markOf(sheet.session(), sheet.blake())).isEqualTo(AttendanceStatus.ABSENT);
		assertThat(fixtures.minutesOf(sheet.session(), sheet.casey())).isEqualTo(150);
		assertThat(changes.findBySessionIdOrderByChangedAtAscIdAsc(sheet.session().getId()))
			.extracting(AttendanceChange::getParticipantId)
			.as("an unchanged mark adds no history")
			.containsExactlyInAnyOrder(sheet.avery().getId(), sheet.blake().getId(), sheet.casey().getId());
		List<AuditEvent> audit = sheetAudit(sheet);
		assertThat(audit).extracting(AuditEvent::getParticipantId)
			.containsExactlyInAnyOrder(sheet.blake().getId(), sheet.casey().getId());
		assertThat(audit).extracting(AuditEvent::getOccurredAt)
			.as("one entry, written at once")
			.containsOnly(audit.get(0).getOccurredAt());
	}

	private static String checked(Account participant, AttendanceStatus status, int row) {
		return "value=\"" + status + "\" id=\"p" + participant.getId() + "-" + status + "\" name=\"rows[" + row
				+ "].status\" checked=\"checked\"";
	}

}
