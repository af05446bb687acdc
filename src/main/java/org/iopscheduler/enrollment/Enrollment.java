package org.iopscheduler.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;

/**
 * A participant's stay in a program: from a start date to an end or discharge date, with
 * a weekly plan of blocks that may change over time. Plan changes close entries; they
 * never rewrite the weeks already lived.
 */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Enrollment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long programId;

	private Long participantId;

	private LocalDate startDate;

	private LocalDate endDate;

	private LocalDate dischargeDate;

	private String dischargeReason;

	/** Mirrors "open-ended" for the database's one-open-enrollment key; see V1. */
	@Getter(AccessLevel.NONE)
	private Short openMarker;

	private Instant createdAt;

	@Version
	@Column(name = "version")
	private long rowVersion;

	@OneToMany(mappedBy = "enrollment", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<PlanEntry> plan = new ArrayList<>();

	public static Enrollment start(long programId, long participantId, LocalDate startDate, LocalDate endDate,
			Collection<Long> blockIds, Instant now) {
		if (endDate != null && endDate.isBefore(startDate)) {
			throw new InvalidInput(Refusal.of("enrollment.end-before-start", "endDate",
					endDate + " is before startDate " + startDate, "endDate", endDate, "startDate", startDate));
		}
		Enrollment enrollment = new Enrollment();
		enrollment.programId = programId;
		enrollment.participantId = participantId;
		enrollment.startDate = startDate;
		enrollment.endDate = endDate;
		enrollment.createdAt = now;
		blockIds.forEach(block -> enrollment.plan.add(new PlanEntry(enrollment, block, startDate)));
		return enrollment;
	}

	/** The last day the participant is in the program, or null while it runs on. */
	public LocalDate lastDay() {
		return lastDay(endDate, dischargeDate);
	}

	/**
	 * The one definition of an enrollment's last day: the earlier of its end and its
	 * discharge.
	 */
	public static LocalDate lastDay(LocalDate endDate, LocalDate dischargeDate) {
		if (dischargeDate == null) {
			return endDate;
		}
		return endDate == null || dischargeDate.isBefore(endDate) ? dischargeDate : endDate;
	}

	public boolean covers(LocalDate date) {
		return !date.isBefore(startDate) && (lastDay() == null || !date.isAfter(lastDay()));
	}

	public boolean overlaps(LocalDate from, LocalDate to) {
		boolean startsInTime = to == null || !startDate.isAfter(to);
		boolean endsInTime = lastDay() == null || !lastDay().isBefore(from);
		return startsInTime && endsInTime;
	}

	public boolean isDischarged() {
		return dischargeDate != null;
	}

	/** Blocks the participant attends on the date, if the enrollment covers it. */
	public Set<Long> blocksOn(LocalDate date) {
		Set<Long> blocks = new LinkedHashSet<>();
		if (covers(date)) {
			plan.stream().filter(e -> e.appliesOn(date)).forEach(e -> blocks.add(e.getBlockId()));
		}
		return blocks;
	}

	/** The plan in force on the date (or, before the start, the first plan). */
	public Set<Long> planOn(LocalDate date) {
		LocalDate day = date.isBefore(startDate) ? startDate : date;
		Set<Long> blocks = new LinkedHashSet<>();
		plan.stream().filter(e -> e.appliesOn(day)).forEach(e -> blocks.add(e.getBlockId()));
		return blocks;
	}

	/**
	 * Whether the participant is expected at the session: a block session on a date the
	 * enrollment covers with that block in the plan, or a make-up naming them on a date
	 * the enrollment covers. The one rule for rosters, the dose and "what was attended is
	 * history".
	 */
	public boolean expects(DatedSession session) {
		if (!programId.equals(session.getProgramId()) || !covers(session.getDate())) {
			return false;
		}
		return session.isMakeUp() ? session.getMakeUpParticipants().contains(participantId)
				: blocksOn(session.getDate()).contains(session.getBlockId());
	}

	/**
	 * The plan over the enrollment's dates, one stretch per change, adjacent equal
	 * stretches merged.
	 */
	public List<PlanStretch> timeline() {
		TreeSet<LocalDate> starts = new TreeSet<>();
		starts.add(startDate);
		LocalDate last = lastDay();
		for (PlanEntry entry : plan) {
			starts.add(entry.getValidFrom());
			if (entry.getValidTo() != null) {
				starts.add(entry.getValidTo());
			}
		}
		List<PlanStretch> stretches = new ArrayList<>();
		for (LocalDate from : starts) {
			if (from.isBefore(startDate) || last != null && from.isAfter(last)) {
				continue;
			}
			LocalDate next = starts.higher(from);
			LocalDate to = next == null || last != null && !next.isBefore(last.plusDays(1)) ? last : next.minusDays(1);
			Set<Long> blocks = blocksOn(from);
			PlanStretch previous = stretches.isEmpty() ? null : stretches.get(stretches.size() - 1);
			if (previous != null && previous.blockIds().equals(blocks)) {
				stretches.set(stretches.size() - 1, new PlanStretch(previous.from(), to, blocks));
			}
			else {
				stretches.add(new PlanStretch(from, to, blocks));
			}
		}
		return stretches;
	}

	/**
	 * The day a plan change from {@code from} takes effect: never before the enrollment
	 * starts.
	 */
	public LocalDate effectiveDate(LocalDate from) {
		return from.isBefore(startDate) ? startDate : from;
	}

	/**
	 * From {@code from} on, the participant attends exactly {@code blockIds}. A dated
	 * change states what holds from its date on, so it replaces every change scheduled on
	 * or after that date; answers the stretches it replaced, as they were. Entries are
	 * reopened or closed rather than deleted and made again, so the database's
	 * one-entry-per-block-and-date key never sees two.
	 */
	public List<PlanStretch> changePlan(LocalDate from, Collection<Long> blockIds) {
		requireNotDischargedBy(from, "the plan cannot change");
		LocalDate effective = effectiveDate(from);
		List<PlanStretch> replaced = timeline().stream().filter(s -> !s.from().isBefore(effective)).toList();
		Set<Long> wanted = new LinkedHashSet<>(blockIds);
		Set<Long> carried = new LinkedHashSet<>();
		for (PlanEntry entry : List.copyOf(plan)) {
			boolean keep = wanted.contains(entry.getBlockId());
			if (!entry.getValidFrom().isBefore(effective)) {
				// scheduled on or after the date: gone, unless it is the wanted block
				// from that very date
				if (keep && entry.getValidFrom().equals(effective) && carried.add(entry.getBlockId())) {
					entry.reopen();
				}
				else {
					plan.remove(entry);
				}
			}
			else if (entry.getValidTo() == null || !entry.getValidTo().isBefore(effective)) {
				// in force the day before: runs on if wanted, else ends there
				if (keep && carried.add(entry.getBlockId())) {
					entry.reopen();
				}
				else {
					entry.closeOn(effective);
				}
			}
		}
		wanted.stream()
			.filter(block -> !carried.contains(block))
			.forEach(block -> plan.add(new PlanEntry(this, block, effective)));
		return replaced;
	}

	/**
	 * Takes back the plan change that starts on {@code date}: the plan in force the day
	 * before runs on until the next change, and the changes after it stay as scheduled.
	 * Answers the blocks that plan now holds there; refused (404) when no change starts
	 * on that date.
	 */
	public Set<Long> undoChange(LocalDate date) {
		List<PlanStretch> stretches = timeline();
		int at = -1;
		for (int i = 1; i < stretches.size(); i++) {
			if (stretches.get(i).from().equals(date)) {
				at = i;
			}
		}
		if (at < 0) {
			throw new org.iopscheduler.system.NotFound(
					"enrollment " + id + " has no plan change on " + date + "; its plan changes on "
							+ stretches.stream()
								.skip(1)
								.map(s -> s.from().toString())
								.collect(java.util.stream.Collectors.joining(", ", "[", "]")));
		}
		Set<Long> before = stretches.get(at - 1).blockIds();
		// a dated change replaces all from its date on: restate the earlier plan, then
		// the
		// later changes as they were
		changePlan(date, before);
		for (PlanStretch later : stretches.subList(at + 1, stretches.size())) {
			changePlan(later.from(), later.blockIds());
		}
		return before;
	}

	/** No sessions after {@code date}; the reason is kept for the record. */
	public void discharge(LocalDate date, String reason) {
		if (dischargeDate != null) {
			throw new RuleViolation(Refusal.of("enrollment.already-discharged", null,
					"enrollment " + id + " was already discharged on " + dischargeDate, "enrollmentId", id,
					"dischargeDate", dischargeDate));
		}
		if (date.isBefore(startDate)) {
			throw new RuleViolation(Refusal.of("enrollment.discharge-before-start", "date",
					"discharge on " + date + " is before the enrollment's start " + startDate, "date", date,
					"startDate", startDate));
		}
		if (endDate != null && date.isAfter(endDate)) {
			throw new RuleViolation(Refusal.of("enrollment.discharge-after-end", "date",
					"discharge on " + date + " is after the enrollment's end " + endDate, "date", date, "endDate",
					endDate));
		}
		this.dischargeDate = date;
		this.dischargeReason = reason;
	}

	private void requireNotDischargedBy(LocalDate date, String consequence) {
		if (lastDay() != null && date.isAfter(lastDay())) {
			throw new RuleViolation(Refusal.of("enrollment.after-last-day", "effectiveFrom",
					date + " is after the enrollment's last day " + lastDay() + "; " + consequence, "date", date,
					"lastDay", lastDay()));
		}
	}

	@PrePersist
	@PreUpdate
	void markOpenEnded() {
		this.openMarker = lastDay() == null ? (short) 1 : null;
	}

}
