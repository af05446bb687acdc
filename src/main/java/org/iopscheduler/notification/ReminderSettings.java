package org.iopscheduler.notification;

import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.iopscheduler.system.Refusal;
import org.iopscheduler.system.RuleViolation;

/**
 * A program's reminder settings: whether reminders go out, how long before each session,
 * and the quiet hours they are moved out of.
 */
@Entity
@Table(name = "reminder_settings")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class ReminderSettings {

	/** A day before, and two hours before: the pattern of the reminder trials. */
	public static final List<Integer> DEFAULT_LEADS = List.of(24 * 60, 2 * 60);

	static final int MOST_LEADS = 3;

	/** Less than a quarter of an hour is no time to arrange anything. */
	static final int SHORTEST_LEAD = 15;

	/** A week: the longest a schedule is settled ahead. */
	static final int LONGEST_LEAD = 7 * 24 * 60;

	@Id
	private Long programId;

	private boolean enabled;

	private LocalTime quietFrom;

	private LocalTime quietUntil;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "reminder_lead", joinColumns = @JoinColumn(name = "program_id"))
	@Column(name = "lead_minutes")
	private Set<Integer> leads = new TreeSet<>();

	@Version
	@Column(name = "version")
	private long rowVersion;

	static ReminderSettings defaults(long programId) {
		ReminderSettings settings = new ReminderSettings();
		settings.programId = programId;
		settings.enabled = true;
		settings.quietFrom = QuietHours.DEFAULT.from();
		settings.quietUntil = QuietHours.DEFAULT.until();
		settings.leads.addAll(DEFAULT_LEADS);
		return settings;
	}

	void change(boolean enabled, Collection<Integer> leadMinutes, LocalTime quietFrom, LocalTime quietUntil) {
		Set<Integer> leads = new TreeSet<>(leadMinutes);
		if (leads.isEmpty() || leads.size() > MOST_LEADS) {
			throw new RuleViolation(Refusal.of("reminder.lead-count", "leadMinutes",
					"give one to " + MOST_LEADS + " different lead times; " + leads.size() + " given", "given",
					leads.size(), "most", MOST_LEADS));
		}
		for (int lead : leads) {
			if (lead < SHORTEST_LEAD || lead > LONGEST_LEAD) {
				throw new RuleViolation(Refusal.of("reminder.lead-range", "leadMinutes",
						"a reminder goes " + SHORTEST_LEAD + " to " + LONGEST_LEAD
								+ " minutes (a week) before its session; " + lead + " is outside",
						"leadMinutes", lead, "shortest", SHORTEST_LEAD, "longest", LONGEST_LEAD));
			}
		}
		if (quietFrom.equals(quietUntil)) {
			throw new RuleViolation(Refusal.of("reminder.quiet-hours", "quietHours.until",
					"quiet hours end at another time than they begin (" + quietFrom + ")", "from", quietFrom, "until",
					quietUntil));
		}
		this.enabled = enabled;
		this.leads.clear();
		this.leads.addAll(leads);
		this.quietFrom = quietFrom;
		this.quietUntil = quietUntil;
	}

	public QuietHours quietHours() {
		return new QuietHours(quietFrom, quietUntil);
	}

	/** When reminders go out, longest lead first. */
	public ReminderTimes times() {
		return new ReminderTimes(leads.stream().sorted(java.util.Comparator.reverseOrder()).toList(), quietHours());
	}

}
