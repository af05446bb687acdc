package org.iopscheduler.enrollment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.RuleViolation;

/**
 * A participant's stay in a program: from a start date to an end or discharge date, with a weekly
 * plan of blocks that may change over time. Plan changes close entries; they never rewrite the
 * weeks already lived.
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
			throw new InvalidInput("endDate: " + endDate + " is before startDate " + startDate);
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

	/** From {@code from} on, the participant attends exactly {@code blockIds}. */
	public void changePlan(LocalDate from, Collection<Long> blockIds) {
		requireNotDischargedBy(from, "the plan cannot change");
		LocalDate effective = from.isBefore(startDate) ? startDate : from;
		for (PlanEntry entry : List.copyOf(plan)) {
			boolean future = !entry.getValidFrom().isBefore(effective);
			boolean current = entry.appliesOn(effective);
			if (future) {
				plan.remove(entry);
			}
			else if (current && !blockIds.contains(entry.getBlockId())) {
				entry.closeOn(effective);
			}
		}
		Set<Long> kept = planOn(effective);
		blockIds.stream()
			.filter(block -> !kept.contains(block))
			.forEach(block -> plan.add(new PlanEntry(this, block, effective)));
	}

	/** No sessions after {@code date}; the reason is kept for the record. */
	public void discharge(LocalDate date, String reason) {
		if (dischargeDate != null) {
			throw new RuleViolation("enrollment " + id + " was already discharged on " + dischargeDate);
		}
		if (date.isBefore(startDate)) {
			throw new RuleViolation("date: discharge on " + date + " is before the enrollment's start " + startDate);
		}
		if (endDate != null && date.isAfter(endDate)) {
			throw new RuleViolation("date: discharge on " + date + " is after the enrollment's end " + endDate);
		}
		this.dischargeDate = date;
		this.dischargeReason = reason;
	}

	private void requireNotDischargedBy(LocalDate date, String consequence) {
		if (lastDay() != null && date.isAfter(lastDay())) {
			throw new RuleViolation("effectiveFrom: " + date + " is after the enrollment's last day " + lastDay()
					+ "; " + consequence);
		}
	}

	@PrePersist
	@PreUpdate
	void markOpenEnded() {
		this.openMarker = lastDay() == null ? (short) 1 : null;
	}

}
