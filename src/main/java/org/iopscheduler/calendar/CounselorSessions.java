package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.internal.DatedSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sessions one counselor leads, in every program, made on first look like any other
 * week.
 */
@Service
@RequiredArgsConstructor
public class CounselorSessions {

	private final BlockVersionRepository versions;

	private final DatedSessionRepository sessions;

	private final SessionMaker maker;

	@Transactional(readOnly = true)
	public List<DatedSession> between(long counselorId, LocalDate from, LocalDate to) {
		Set<Long> programIds = new LinkedHashSet<>();
		for (Object[] row : versions.findByCounselorWithZone(counselorId)) {
			programIds.add(((BlockVersion) row[0]).getBlock().getProgramId());
		}
		maker.ensure(programIds, from, to);
		return sessions.findByCounselor(counselorId, from, to);
	}

}
