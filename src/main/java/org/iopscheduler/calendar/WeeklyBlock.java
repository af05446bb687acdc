package org.iopscheduler.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;

/**
 * A recurring slot of a program's week (e.g. "Process group, Monday 18:00, 180 min, Room
 * 2"). Its day, time, duration, counselor and location are kept as dated versions: a
 * change takes effect from a date and never rewrites the weeks before it.
 */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class WeeklyBlock {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long programId;

	@Enumerated(EnumType.STRING)
	private BlockType type;

	private String title;

	private int capacity;

	private Instant createdAt;

	@Version
	@Column(name = "version")
	private long rowVersion;

	@OneToMany(mappedBy = "block", cascade = CascadeType.ALL, orphanRemoval = true)
	private List<BlockVersion> versions = new ArrayList<>();

	public static WeeklyBlock create(long programId, BlockType type, String title, Integer capacity, WeeklySlot slot,
			long counselorId, Location location, LocalDate startsOn, Instant now) {
		WeeklyBlock block = new WeeklyBlock();
		block.programId = programId;
		block.type = type;
		block.title = title;
		block.capacity = type.capacity(capacity);
		block.createdAt = now;
		block.versions.add(new BlockVersion(block, startsOn, null, slot, counselorId, location));
		return block;
	}

	public Optional<BlockVersion> versionOn(LocalDate date) {
		return versions.stream().filter(v -> v.appliesOn(date)).findFirst();
	}

	/**
	 * The version in force on the date, else the next one to start, else the last one.
	 */
	public BlockVersion versionAround(LocalDate date) {
		return versionOn(date)
			.or(() -> sorted().stream()
				.filter(v -> v.getValidFrom() != null && v.getValidFrom().isAfter(date))
				.findFirst())
			.orElseGet(() -> sorted().get(sorted().size() - 1));
	}

	public List<BlockVersion> sorted() {
		return versions.stream()
			.sorted(Comparator.comparing(BlockVersion::getValidFrom, Comparator.nullsFirst(Comparator.naturalOrder())))
			.toList();
	}

	/** The first day the block no longer meets, or null while it runs on. */
	public LocalDate endsOn() {
		BlockVersion last = sorted().get(versions.size() - 1);
		return last.getValidTo();
	}

	public boolean runsOn(LocalDate date) {
		return versionOn(date).isPresent();
	}

	public void retitle(String newTitle) {
		this.title = newTitle;
	}

	public void changeCapacity(Integer newCapacity) {
		this.capacity = type.capacity(newCapacity);
	}

	/**
	 * From {@code from} on, the block meets in the new slot, with the new counselor and
	 * location. A dated change states what holds from its date on: it replaces every
	 * change scheduled after {@code from}, and a correction on the same date replaces the
	 * one made before (in place, so the database's one-version-per-date key never sees
	 * two). A scheduled end of the block stays. Answers what it replaced, as it was.
	 */
	public Changed changeFrom(LocalDate from, WeeklySlot slot, long counselorId, Location location) {
		BlockVersion current = versionOn(from).orElseThrow(() -> new RuleViolation(notRunning(id, from)));
		LocalDate end = endsOn();
		List<BlockVersion> later = sorted().stream()
			.filter(v -> v.getValidFrom() != null && v.getValidFrom().isAfter(from))
			.toList();
		List<ScheduledChange> replaced = replacedBy(from);
		versions.removeAll(later);
		BlockVersion next;
		if (from.equals(current.getValidFrom())) {
			current.redefine(slot, counselorId, location);
			current.closeOn(end);
			next = current;
		}
		else {
			current.closeOn(from);
			next = new BlockVersion(this, from, end, slot, counselorId, location);
			versions.add(next);
		}
		return new Changed(next, replaced);
	}

	/**
	 * What a change from {@code from} would replace: the version starting that very day
	 * (corrected in place) and every one after it. The form asks it before saving.
	 */
	public List<ScheduledChange> replacedBy(LocalDate from) {
		List<ScheduledChange> replaced = new ArrayList<>();
		versionOn(from).filter(v -> from.equals(v.getValidFrom())).ifPresent(v -> replaced.add(ScheduledChange.of(v)));
		sorted().stream()
			.filter(v -> v.getValidFrom() != null && v.getValidFrom().isAfter(from))
			.forEach(v -> replaced.add(ScheduledChange.of(v)));
		return replaced;
	}

	/** A change's new version and the scheduled changes it replaced. */
	public record Changed(BlockVersion version, List<ScheduledChange> replaced) {
	}

	/** The block's dated versions from the date on: the changes still to come. */
	public List<ScheduledChange> scheduledAfter(LocalDate date) {
		return sorted().stream()
			.filter(v -> v.getValidFrom() != null && v.getValidFrom().isAfter(date))
			.map(ScheduledChange::of)
			.toList();
	}

	/**
	 * The first date on or after {@code date} on which the block meets, if it still does.
	 */
	public Optional<LocalDate> firstMeetingFrom(LocalDate date) {
		for (BlockVersion version : sorted()) {
			if (version.getValidTo() != null && !version.getValidTo().isAfter(date)) {
				continue;
			}
			LocalDate start = version.getValidFrom() == null || version.getValidFrom().isBefore(date) ? date
					: version.getValidFrom();
			LocalDate meeting = start.with(TemporalAdjusters.nextOrSame(version.getDayOfWeek()));
			if (version.appliesOn(meeting)) {
				return Optional.of(meeting);
			}
		}
		return Optional.empty();
	}

	/** A change takes effect on a day the block runs. */
	static Refusal notRunning(long blockId, LocalDate from) {
		return Refusal.of("block.not-running", "effectiveFrom", "block " + blockId + " does not run on " + from,
				"blockId", blockId, "date", from);
	}

	/** The block meets for the last time before {@code from}. */
	public void endFrom(LocalDate from) {
		if (!runsOn(from) && sorted().stream().noneMatch(v -> v.validDuring(from, null))) {
			throw new RuleViolation(Refusal.of("block.already-ended", null,
					"block " + id + " has already ended by " + from, "blockId", id, "date", from));
		}
		if (sorted().get(0).getValidFrom() != null && !sorted().get(0).getValidFrom().isBefore(from)) {
			throw new InvalidInput(Refusal.of("block.end-on-first-day", "date",
					from + " is not after the block's first day " + sorted().get(0).getValidFrom()
							+ "; a block needs at least one day",
					"blockId", id, "date", from, "firstDay", sorted().get(0).getValidFrom()));
		}
		for (BlockVersion version : List.copyOf(versions)) {
			if (version.getValidFrom() != null && !version.getValidFrom().isBefore(from)) {
				versions.remove(version);
			}
			else if (version.getValidTo() == null || version.getValidTo().isAfter(from)) {
				version.closeOn(from);
			}
		}
	}

}
