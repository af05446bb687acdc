package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.internal.DatedSessionRepository;
import org.iopscheduler.system.Conflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one answer to "is this counselor free then?", in every program and zone, for a
 * weekly block or a one-off session. It reads the counselor's commitments from their
 * source, not from dated sessions (which are made lazily and may not exist yet for the
 * weeks asked about):
 * <ul>
 * <li>every version of every block they facilitate, on every date it meets. A cancelled
 * session of a block still holds its time: it can be reinstated (a closure lifted), and
 * the block is what was promised;</li>
 * <li>one-off sessions (make-ups) that are not cancelled; a cancelled one-off is over for
 * good.</li>
 * </ul>
 * Callers hold the counselor's row lock ({@code AccountRepository.lockById}) in the same
 * transaction before asking, so two bookings of one counselor, on any instance, are
 * judged one after the other.
 */
@Service
@RequiredArgsConstructor
public class CounselorAvailability {

	/** Free times are offered every half hour. */
	private static final int STEP_MINUTES = 30;

	private final BlockVersionRepository versions;

	private final DatedSessionRepository sessions;

	/**
	 * Refuses (409) a weekly slot in {@code zone} over [from, to) ({@code to} null while
	 * open) when it shares a moment with any of the counselor's commitments on any date,
	 * except the versions of block {@code exceptBlockId} (the block being changed, whose
	 * old versions the change replaces).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requireFreeWeekly(long counselorId, ZoneId zone, WeeklySlot slot, LocalDate from, LocalDate to,
			Long exceptBlockId) {
		Commitment candidate = Commitment.weekly("this block", slot, zone, from, to);
		require(counselorId, candidate, exceptBlockId, null);
	}

	/**
	 * Refuses (409) a one-off session in {@code zone} on that date when it shares a
	 * moment with any of the counselor's commitments, except the session
	 * {@code exceptSessionId} (one being moved).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void requireFreeOnce(long counselorId, ZoneId zone, LocalDate date, LocalTime start, int durationMinutes,
			Long exceptSessionId) {
		Commitment candidate = Commitment.once("this session", date, start, durationMinutes, zone);
		require(counselorId, candidate, null, exceptSessionId);
	}

	/**
	 * The start times on {@code date} in {@code zone}, every half hour within
	 * {@code hours} (the program's own, {@link SessionHours}), at which a one-off session
	 * of that length would be refused by nothing ({@link #requireFreeOnce} asks the same
	 * rule). For showing free times; the booking itself still asks
	 * {@link #requireFreeOnce} under the counselor's lock.
	 */
	@Transactional(readOnly = true)
	public List<LocalTime> freeStarts(long counselorId, ZoneId zone, LocalDate date, int durationMinutes,
			SessionHours hours) {
		List<LocalTime> starts = hours.startsFitting(durationMinutes, STEP_MINUTES);
		if (starts.isEmpty()) {
			return starts;
		}
		List<Commitment> theirs = commitments(counselorId,
				Commitment.once("this session", date, starts.get(0), 1, zone), null, null);
		List<LocalTime> free = new ArrayList<>();
		for (LocalTime start : starts) {
			Commitment candidate = Commitment.once("this session", date, start, durationMinutes, zone);
			if (DoubleBooking.firstClash(candidate, theirs).isEmpty()) {
				free.add(start);
			}
		}
		return free;
	}

	private void require(long counselorId, Commitment candidate, Long exceptBlockId, Long exceptSessionId) {
		DoubleBooking.firstClash(candidate, commitments(counselorId, candidate, exceptBlockId, exceptSessionId))
			.ifPresent(clash -> {
				throw new Conflict(clash.refusal(counselorId));
			});
	}

	/**
	 * Two queries: the block versions with their zones, and the one-offs from a few days
	 * before on.
	 */
	private List<Commitment> commitments(long counselorId, Commitment candidate, Long exceptBlockId,
			Long exceptSessionId) {
		LocalDate from = candidate.from().minusDays(3);
		LocalDate to = candidate.to() == null ? null : candidate.to().plusDays(3);
		List<Commitment> commitments = new ArrayList<>();
		for (Object[] row : versions.findByCounselorWithZone(counselorId)) {
			BlockVersion version = (BlockVersion) row[0];
			long blockId = version.getBlock().getId();
			if (Long.valueOf(blockId).equals(exceptBlockId) || !version.validDuring(from, to)) {
				continue;
			}
			commitments.add(Commitment.weekly("block " + blockId + " '" + row[2] + "'", version.slot(),
					ZoneId.of((String) row[1]), version.getValidFrom(), version.getValidTo()));
		}
		for (Object[] row : sessions.findOneOffsOfCounselorFrom(counselorId, from)) {
			DatedSession session = (DatedSession) row[0];
			if (session.getId().equals(exceptSessionId) || (to != null && !session.getDate().isBefore(to))) {
				continue;
			}
			commitments
				.add(Commitment.once("session " + session.getId() + " '" + session.getTitle() + "'", session.getDate(),
						session.getStartTime(), session.getDurationMinutes(), ZoneId.of((String) row[1])));
		}
		return commitments;
	}

}
