package org.iopscheduler.program;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import org.iopscheduler.system.InvalidInput;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;

/**
 * An intensive outpatient program: its population, its time zone and its weekly minimum.
 */
@Entity
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Program {

	/** One week holds 10,080 minutes; a minimum above that could never be met. */
	static final int MAX_MINIMUM = 7 * 24 * 60;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private Population population;

	private String timeZone;

	private int minimumWeeklyMinutes;

	private Instant createdAt;

	/** See {@link ContactWording}: neutral unless the coordinators chose otherwise. */
	private String contactTitle = ContactWording.DEFAULT_TITLE;

	private String contactClinicName;

	@Version
	@Column(name = "version")
	private long rowVersion;

	public static Program create(String name, Population population, String timeZone, Integer minimum, Instant now) {
		Program program = new Program();
		program.name = name;
		program.population = population;
		program.timeZone = ProgramZone.of(timeZone).getId();
		program.minimumWeeklyMinutes = population.floorMinutes();
		program.createdAt = now;
		if (minimum != null) {
			program.changeMinimum(minimum);
		}
		return program;
	}

	/** What the program's calendar events and reminders say. */
	public ContactWording contactWording() {
		return new ContactWording(contactTitle, contactClinicName);
	}

	public void changeContactWording(ContactWording wording) {
		this.contactTitle = wording.title();
		this.contactClinicName = wording.clinicName();
	}

	public ZoneId zone() {
		return ZoneId.of(timeZone);
	}

	public LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, zone());
	}

	/**
	 * A program's zone is set when it is created: its sessions' instants and the weeks
	 * its dose was judged in were taken in that zone. Asking for the same zone again
	 * changes nothing.
	 */
	public void keepZone(String requested) {
		ZoneId zone = ProgramZone.of(requested);
		if (!zone.getId().equals(timeZone)) {
			throw new RuleViolation(Refusal.of("program.zone-fixed", "timeZone",
					"a program's zone does not change (this one's is " + timeZone
							+ "): its sessions and past weekly reports were made in it; create a program in "
							+ zone.getId() + " instead",
					"timeZone", timeZone, "requested", zone.getId()));
		}
	}

	public void rename(String newName) {
		this.name = newName;
	}

	/**
	 * A program may ask more than its population's floor, never less; and once set, the
	 * minimum only rises: plans and past weekly reports were judged against it, and a
	 * payer audit must find the same verdicts later.
	 */
	public void changeMinimum(int minutes) {
		if (minutes > MAX_MINIMUM) {
			throw new InvalidInput(Refusal.of("program.minimum-above-week", "minimumWeeklyMinutes",
					minutes + " is more than the " + MAX_MINIMUM + " minutes a week holds", "minimumMinutes", minutes,
					"weekMinutes", MAX_MINIMUM));
		}
		Refusal belowFloor = belowFloor(population, minutes);
		if (belowFloor != null) {
			throw new RuleViolation(belowFloor);
		}
		if (id != null && minutes < minimumWeeklyMinutes) {
			throw new RuleViolation(Refusal.of(
					"program.minimum-only-rises", "minimumWeeklyMinutes", "minimumWeeklyMinutes may only be raised: "
							+ minutes + " is below the current " + minimumWeeklyMinutes,
					"minimumMinutes", minutes, "currentMinutes", minimumWeeklyMinutes));
		}
		this.minimumWeeklyMinutes = minutes;
	}

	/**
	 * A minimum below the population's floor (422), or null: asked on its own by a form
	 * that shows every error of a submit.
	 */
	public static Refusal belowFloor(Population population, int minutes) {
		if (minutes >= population.floorMinutes()) {
			return null;
		}
		return Refusal.of("program.minimum-below-floor", "minimumWeeklyMinutes",
				"minimumWeeklyMinutes " + minutes + " is below the " + population + " floor of "
						+ population.floorMinutes() + " minutes a week",
				"minimumMinutes", minutes, "floorMinutes", population.floorMinutes(), "population", population);
	}

}
