package org.iopscheduler.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.iopscheduler.system.Periodic;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the reminders due in the next {@code iop.reminders.ahead} (2 days) in the outbox,
 * every {@code iop.reminders.period} (5 min; 0 = paused), so coordinators see what will
 * go out. What changes after that is caught on the way: a cancelled or moved session
 * skips its waiting reminders at once (a moved one gets new ones at its new time), and
 * the worker checks roster and consent again just before sending. A new enrollment or
 * consent is planned at the next turn. The outbox's unique key keeps it to one reminder
 * per session, participant, lead time and start, whatever the number of turns or
 * instances.
 */
@Component
class ReminderPlanner implements SchedulingConfigurer {

	static final String PERIOD = "iop.reminders.period";

	static final String AHEAD = "iop.reminders.ahead";

	private static final Logger log = LoggerFactory.getLogger(ReminderPlanner.class);

	private final Programs programs;

	private final Reminders reminders;

	private final SessionMaker maker;

	private final Sessions sessions;

	private final Rosters rosters;

	private final Recipients recipients;

	private final Outbox outbox;

	private final NeutralMessages words;

	private final StaffMessages staff;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Environment settings;

	private final Periodic period;

	ReminderPlanner(Programs programs, Reminders reminders, SessionMaker maker, Sessions sessions, Rosters rosters,
			Recipients recipients, Outbox outbox, NeutralMessages words, StaffMessages staff,
			PlatformTransactionManager transactions, Clock clock, Environment settings) {
		this.programs = programs;
		this.reminders = reminders;
		this.maker = maker;
		this.sessions = sessions;
		this.rosters = rosters;
		this.recipients = recipients;
		this.outbox = outbox;
		this.words = words;
		this.staff = staff;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
		this.settings = settings;
		this.period = new Periodic(settings, PERIOD, Duration.ofMinutes(5), Duration.ofMinutes(1));
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		// the first turn soon after start: a newcomer to the demo sees what is planned
		period.schedule(registrar, this::tick, Duration.ofSeconds(30));
	}

	private void tick() {
		try {
			plan();
		}
		catch (DataAccessException unavailable) {
			// nothing half-planned stays: each program is its own transaction, the next
			// turn plans what this one missed
			log.warn("reminders not planned: {}", unavailable.getClass().getSimpleName());
		}
	}

	Duration ahead() {
		return settings.getProperty(AHEAD, Duration.class, Duration.ofDays(2));
	}

	/**
	 * One turn: every reminder due from one period ago (a turn missed, a restart) to
	 * {@link #ahead()} goes in the outbox, due at its moment. One whose moment passed
	 * longer ago is not sent: late, it is noise. Answers how many were put in.
	 */
	int plan() {
		Instant now = clock.instant();
		Instant earliest = now.minus(period.running() ? period.period() : Duration.ofMinutes(5));
		Instant latest = now.plus(ahead());
		int planned = 0;
		for (Program program : programs.all()) {
			Integer count = transactions.execute(status -> plan(program, now, earliest, latest));
			planned += count == null ? 0 : count;
		}
		return planned;
	}

	private int plan(Program program, Instant now, Instant earliest, Instant latest) {
		int lists = staff.morningLists(program, earliest, now);
		ReminderSettings settings = reminders.of(program.getId());
		if (!settings.isEnabled()) {
			return lists;
		}
		ReminderTimes times = settings.times();
		ZoneId zone = program.zone();
		int longest = times.leadMinutes().stream().mapToInt(Integer::intValue).max().orElse(0);
		// quiet hours move a reminder up to a day earlier than its lead
		LocalDate from = LocalDate.ofInstant(now, zone);
		LocalDate to = LocalDate.ofInstant(latest.plus(Duration.ofMinutes(longest)).plus(Duration.ofDays(1)), zone);
		maker.ensure(program.getId(), from, to);
		List<DatedSession> coming = sessions.inProgram(program.getId(), from, to)
			.stream()
			.filter(s -> !s.isCancelled() && s.startsAt(zone).toInstant().isAfter(now))
			.toList();
		Map<Long, List<Long>> expected = rosters.of(coming);
		int planned = lists;
		// a participant's channel once per turn, not once per session of theirs
		Map<Long, Optional<ContactChannel>> channels = new HashMap<>();
		for (DatedSession session : coming) {
			ZonedDateTime start = session.startsAt(zone);
			List<ReminderTimes.Due> due = times.before(start)
				.stream()
				.filter(d -> !d.at().isBefore(earliest) && !d.at().isAfter(latest))
				.toList();
			if (due.isEmpty()) {
				continue;
			}
			for (long participantId : expected.getOrDefault(session.getId(), List.of())) {
				Optional<ContactChannel> channel = channels.computeIfAbsent(participantId, recipients::channelOf);
				if (channel.isEmpty()) {
					continue;
				}
				for (ReminderTimes.Due reminder : due) {
					// asked first: composing one issues its "I can't come" link
					if (outbox.holds(NeutralMessages.reminderKey(session, program, participantId,
							reminder.leadMinutes(), channel.get()))) {
						continue;
					}
					Instant at = reminder.at().isBefore(now) ? now : reminder.at();
					if (outbox.enqueue(words.reminder(program, session, participantId, reminder.leadMinutes(),
							channel.get(), at))) {
						planned++;
					}
				}
			}
		}
		return planned;
	}

}
