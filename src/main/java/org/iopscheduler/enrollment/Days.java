package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Consecutive days, both ends inclusive; {@code to} null for no end. */
record Days(LocalDate from, LocalDate to) {

	/**
	 * A plan entry's days within its enrollment's dates, or null when they share none.
	 */
	static Days held(LocalDate validFrom, LocalDate validTo, LocalDate startDate, LocalDate endDate,
			LocalDate dischargeDate) {
		LocalDate from = validFrom.isBefore(startDate) ? startDate : validFrom;
		LocalDate last = Enrollment.lastDay(endDate, dischargeDate);
		LocalDate to = validTo == null ? last
				: last == null || validTo.minusDays(1).isBefore(last) ? validTo.minusDays(1) : last;
		return to != null && to.isBefore(from) ? null : new Days(from, to);
	}

	boolean contains(LocalDate date) {
		return !date.isBefore(from) && (to == null || !date.isAfter(to));
	}

	/** These days less the given ones. */
	List<Days> minus(List<Days> others) {
		List<Days> left = List.of(this);
		for (Days other : others) {
			List<Days> next = new ArrayList<>();
			for (Days part : left) {
				next.addAll(part.minus(other));
			}
			left = next;
		}
		return left;
	}

	private List<Days> minus(Days other) {
		boolean disjoint = other.to != null && other.to.isBefore(from) || to != null && other.from.isAfter(to);
		if (disjoint) {
			return List.of(this);
		}
		List<Days> left = new ArrayList<>();
		if (other.from.isAfter(from)) {
			left.add(new Days(from, other.from.minusDays(1)));
		}
		if (other.to != null && (to == null || other.to.isBefore(to))) {
			left.add(new Days(other.to.plusDays(1), to));
		}
		return left;
	}

}
