package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.Set;

import org.iopscheduler.calendar.DatedSession;
import org.springframework.beans.BeanUtils;
import org.springframework.test.util.ReflectionTestUtils;

/** Dated sessions for domain tests, as the calendar would make them. */
final class Sessions {

	private static long next = 1000;

	private Sessions() {
	}

	static DatedSession blockSession(long programId, long blockId, LocalDate date) {
		DatedSession session = BeanUtils.instantiateClass(DatedSession.class);
		ReflectionTestUtils.setField(session, "id", next++);
		ReflectionTestUtils.setField(session, "programId", programId);
		ReflectionTestUtils.setField(session, "blockId", blockId);
		ReflectionTestUtils.setField(session, "date", date);
		return session;
	}

	static DatedSession makeUp(long programId, long participantId, LocalDate date) {
		DatedSession session = blockSession(programId, 0, date);
		ReflectionTestUtils.setField(session, "blockId", null);
		ReflectionTestUtils.setField(session, "makeUpParticipants", Set.of(participantId));
		return session;
	}

}
