package org.iopscheduler.attendance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import org.iopscheduler.attendance.Attendance.SheetRow;
import org.iopscheduler.attendance.internal.AttendanceChangeRepository;
import org.iopscheduler.attendance.internal.AttendanceMarkRepository;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditEvent;
import org.iopscheduler.audit.AuditLog;
import org.iopscheduler.support.ClinicFixture;
import org.iopscheduler.support.ClinicFixture.Clinic;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A first-mark race (the insert of a participant's first mark hits the unique key)
 * retries the whole sheet: the attempt that failed is rolled back with every history row
 * it wrote, so the history holds each change once. Which insert loses is chosen here, not
 * left to timing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import({ ClinicFixture.class, SheetRetryTest.RacedFirstMark.class })
class SheetRetryTest {

	@Autowired
	ClinicFixture fixture;

	@Autowired
	Attendance attendance;

	@Autowired
	AttendanceChangeRepository changes;

	@Autowired
	RacedFirstMark race;

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog auditLog;

	/**
	 * The mark repository, except that the next first mark of one participant loses a
	 * race once.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class RacedFirstMark {

		final AtomicLong loser = new AtomicLong(-1);

		@Bean
		static BeanPostProcessor racedMarks(org.springframework.beans.factory.ObjectProvider<RacedFirstMark> race) {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (!(bean instanceof AttendanceMarkRepository marks)) {
						return bean;
					}
					return Proxy.newProxyInstance(AttendanceMarkRepository.class.getClassLoader(),
							new Class<?>[] { AttendanceMarkRepository.class }, (proxy, method, args) -> {
								if (method.getName().equals("saveAndFlush") && args[0] instanceof AttendanceMark mark
										&& race.getObject().loser.compareAndSet(mark.getParticipantId(), -1)) {
									throw new DataIntegrityViolationException("uk_mark_session_participant (raced)");
								}
								try {
									return method.invoke(marks, args);
								}
								catch (InvocationTargetException e) {
									throw e.getCause();
								}
							});
				}

			};
		}

	}

	@Test
	void aSheetRetriedAfterAFirstMarkRaceWritesEachChangeToTheHistoryOnce() {
		Clinic clinic = fixture.clinic(3);
		long session = clinic.pastSession().getId();
		long marked = clinic.participantIds().get(0);
		long first = clinic.participantIds().get(1);
		long unchanged = clinic.participantIds().get(2);
		attendance.mark(session, marked, AttendanceStatus.PRESENT, null, null, clinic.coordinator());
		attendance.mark(session, unchanged, AttendanceStatus.ABSENT, null, null, clinic.coordinator());
		AtomicInteger audited = new AtomicInteger();
		List<Long> auditedParticipants = new ArrayList<>();
		race.loser.set(first);

		Attendance.Sheet sheet = attendance.markSheet(session,
				List.of(new SheetRow(marked, AttendanceStatus.EXCUSED, null),
						new SheetRow(first, AttendanceStatus.LATE, 60),
						new SheetRow(unchanged, AttendanceStatus.ABSENT, null)),
				clinic.coordinator(), changed -> {
					audited.incrementAndGet();
					auditedParticipants.addAll(changed);
				});

		assertThat(race.loser).as("the first attempt lost the race").hasValue(-1);
		assertThat(sheet.changed()).containsExactly(marked, first);
		assertThat(audited).as("one audit entry for the sheet").hasValue(1);
		assertThat(auditedParticipants).containsExactly(marked, first);
		assertThat(changes.findBySessionIdOrderByChangedAtAscIdAsc(session))
			.extracting(AttendanceChange::getParticipantId, AttendanceChange::getOldStatus,
					AttendanceChange::getNewStatus)
			.containsExactlyInAnyOrder(tuple(marked, null, AttendanceStatus.PRESENT),
					tuple(unchanged, null, AttendanceStatus.ABSENT),
					tuple(marked, AttendanceStatus.PRESENT, AttendanceStatus.EXCUSED),
					tuple(first, null, AttendanceStatus.LATE));
	}

	/**
	 * Over the API the request's transaction (the audited one) is spoilt by the lost
	 * race, so the whole request runs again: one mark, one history row, one audit line.
	 */
	@Test
	void aMarkOverTheApiRetriedAfterAFirstMarkRaceLeavesOneMarkOneHistoryRowAndOneAuditLine() throws Exception {
		Clinic clinic = fixture.clinic(1);
		long session = clinic.pastSession().getId();
		long first = clinic.participantIds().get(0);
		race.loser.set(first);

		mvc.perform(put("/api/sessions/{s}/attendance/{p}", session, first).with(user(clinic.coordinator()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"status\":\"PRESENT\"}")).andExpect(status().isOk());

		assertThat(race.loser).as("the first attempt lost the race").hasValue(-1);
		assertThat(changes.findBySessionIdOrderByChangedAtAscIdAsc(session))
			.extracting(AttendanceChange::getParticipantId, AttendanceChange::getNewStatus)
			.containsExactly(tuple(first, AttendanceStatus.PRESENT));
		assertThat(auditLog.search(first, null, null, null, 0, 10).getContent()).extracting(AuditEvent::getAction)
			.containsExactly(AuditAction.MARK_ATTENDANCE);
	}

}
