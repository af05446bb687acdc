package org.iopscheduler.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Something a weekly dose is counted from changed: dated sessions, who is expected at
 * them (plans, enrollments, make-ups) or attendance marks. Published inside the changing
 * transaction, so whoever keeps numbers counted from these rows (the dose module's stored
 * weeks) keeps them in that same transaction: they commit together or not at all. The
 * lower modules publish it; they cannot call the dose module, which depends on them.
 *
 * @param programIds the programs whose enrollments are concerned, or null for every
 * program
 * @param participantIds only these participants of them, or null for all
 * @param enrollmentId only this enrollment, or null
 * @param from the first day changed, or null for no limit
 * @param to the last day changed, or null for no limit
 */
public record DoseInputsChanged(Collection<Long> programIds, Collection<Long> participantIds, Long enrollmentId,
		LocalDate from, LocalDate to) {

	/** Sessions of these programs between two days changed, for everybody expected. */
	public static DoseInputsChanged programs(Collection<Long> programIds, LocalDate from, LocalDate to) {
		return new DoseInputsChanged(List.copyOf(programIds), null, null, from, to);
	}

	public static DoseInputsChanged program(long programId, LocalDate from, LocalDate to) {
		return programs(List.of(programId), from, to);
	}

	/** Some participants' marks at a session of the program on that day changed. */
	public static DoseInputsChanged participants(long programId, Collection<Long> participantIds, LocalDate day) {
		return new DoseInputsChanged(List.of(programId), List.copyOf(participantIds), null, day, day);
	}

	/**
	 * An enrollment's dates or plan changed: all of its weeks are counted again (a plan
	 * change from a date, its undo and a discharge touch every week after it).
	 */
	public static DoseInputsChanged enrollment(long enrollmentId) {
		return new DoseInputsChanged(null, null, enrollmentId, null, null);
	}

	/** Everything, everywhere (a data load that wrote raw rows). */
	public static DoseInputsChanged everything() {
		return new DoseInputsChanged(null, null, null, null, null);
	}

}
