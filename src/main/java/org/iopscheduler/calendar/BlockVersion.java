package org.iopscheduler.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** What a block was between two dates: its slot, counselor and location. */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class BlockVersion {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "block_id")
	private WeeklyBlock block;

	/** First day it applies; null since the block began. */
	private LocalDate validFrom;

	/** First day it no longer applies; null while open. */
	private LocalDate validTo;

	@Enumerated(EnumType.STRING)
	private DayOfWeek dayOfWeek;

	private LocalTime startTime;

	private int durationMinutes;

	private Long counselorId;

	@Enumerated(EnumType.STRING)
	private LocationKind locationKind;

	private String location;

	BlockVersion(WeeklyBlock block, LocalDate validFrom, LocalDate validTo, WeeklySlot slot, long counselorId,
			Location location) {
		this.block = block;
		this.validFrom = validFrom;
		this.validTo = validTo;
		redefine(slot, counselorId, location);
	}

	public WeeklySlot slot() {
		return new WeeklySlot(dayOfWeek, startTime, durationMinutes);
	}

	public Location place() {
		return new Location(locationKind, location);
	}

	public boolean appliesOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || date.isBefore(validTo));
	}

	/**
	 * Whether its validity shares a day with [from, to), either end null for unbounded.
	 */
	public boolean validDuring(LocalDate from, LocalDate to) {
		boolean startsBeforeEnd = to == null || validFrom == null || validFrom.isBefore(to);
		boolean endsAfterStart = from == null || validTo == null || validTo.isAfter(from);
		return startsBeforeEnd && endsAfterStart;
	}

	void closeOn(LocalDate date) {
		this.validTo = date;
	}

	/**
	 * A correction from the same date: what this version says changes, its dates do not.
	 */
	void redefine(WeeklySlot slot, long counselorId, Location location) {
		this.dayOfWeek = slot.day();
		this.startTime = slot.start();
		this.durationMinutes = slot.durationMinutes();
		this.counselorId = counselorId;
		this.locationKind = location.kind();
		this.location = location.value();
	}

}
