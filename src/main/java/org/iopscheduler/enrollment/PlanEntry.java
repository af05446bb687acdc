package org.iopscheduler.enrollment;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * One block of a plan, from a date (inclusive) to a date (exclusive, null while it runs
 * on).
 */
@Entity
@Table(name = "enrollment_plan_block")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PlanEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "enrollment_id")
	private Enrollment enrollment;

	private Long blockId;

	private LocalDate validFrom;

	private LocalDate validTo;

	PlanEntry(Enrollment enrollment, long blockId, LocalDate validFrom) {
		this.enrollment = enrollment;
		this.blockId = blockId;
		this.validFrom = validFrom;
	}

	public boolean appliesOn(LocalDate date) {
		return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
	}

	void closeOn(LocalDate date) {
		this.validTo = date;
	}

	void reopen() {
		this.validTo = null;
	}

}
