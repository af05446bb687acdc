package org.iopscheduler.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.iopscheduler.attendance.AbsenceNoticeGiven;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.Sessions;
import org.iopscheduler.calendar.WallTime;
import org.iopscheduler.dose.DoseReports;
import org.iopscheduler.dose.DoseStatus;
import org.iopscheduler.enrollment.Rosters;
import org.iopscheduler.people.People;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.PageFormat;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What a counselor is told: that a participant pressed "I can't come" (in the transaction
 * that records it), and each weekday morning the participants of their groups at risk of
 * an under-dosed week. These go to staff at the address they gave themselves, so they
 * name the participants; they still leave the program's name out.
 */
@Component
class StaffMessages {

	/** The morning list goes at 08:00 in the program's zone, Monday to Friday. */
	static final LocalTime MORNING = LocalTime.of(8, 0);

	private final Programs programs;

	private final Sessions sessions;

	private final Rosters rosters;

	private final DoseReports doses;

	private final People people;

	private final Recipients recipients;

	private final Outbox outbox;

	private final Clock clock;

	StaffMessages(Programs programs, Sessions sessions, Rosters rosters, DoseReports doses, People people,
			Recipients recipients, Outbox outbox, Clock clock) {
		this.programs = programs;
		this.sessions = sessions;
		this.rosters = rosters;
		this.doses = doses;
		this.people = people;
		this.recipients = recipients;
		this.outbox = outbox;
		this.clock = clock;
	}

	@EventListener
	void on(AbsenceNoticeGiven notice) {
		recipients.channelOf(notice.counselorId()).ifPresent(channel -> {
			DatedSession session = sessions.get(notice.sessionId());
			ZonedDateTime start = session.startsAt(programs.zoneOf(notice.programId()));
			String who = people.get(notice.participantId()).getFullName();
			String body = who + " sent notice: they cannot come on " + PageFormat.longDay(start.toLocalDate()) + " at "
					+ PageFormat.time(start.toLocalTime()) + " (" + notice.minutesMissed()
					+ " minutes). They are on the make-up list.";
			outbox.enqueue(new NewMessage(NotificationKind.NOTICE_TO_COUNSELOR, channel, notice.counselorId(),
					notice.participantId(), notice.sessionId(), null,
					"notice:" + notice.sessionId() + ":" + notice.participantId(), "A participant cannot come", body,
					clock.instant()));
		});
	}

	/**
	 * The morning list of one program's counselors, once its 08:00 has passed on a
	 * weekday (no earlier than {@code earliest}: a list hours late is no morning list).
	 * Counted at that moment, never planned ahead: the dose changes until then. Answers
	 * how many were put in the outbox.
	 */
	int morningLists(Program program, Instant earliest, Instant now) {
		ZoneId zone = program.zone();
		LocalDate today = LocalDate.ofInstant(now, zone);
		Instant morning = WallTime.at(today, MORNING, zone).toInstant();
		if (today.getDayOfWeek().getValue() > 5 || morning.isAfter(now) || morning.isBefore(earliest)) {
			return 0;
		}
		IsoWeek week = IsoWeek.of(today);
		Set<Long> atRisk = doses.program(program.getId(), week)
			.participants()
			.stream()
			.filter(p -> p.dose().status() == DoseStatus.AT_RISK)
			.map(DoseReports.ParticipantDose::participantId)
			.collect(Collectors.toSet());
		if (atRisk.isEmpty()) {
			return 0;
		}
		List<DatedSession> ofWeek = sessions.week(program, week);
		var expected = rosters.of(ofWeek);
		int put = 0;
		for (long counselorId : ofWeek.stream().map(DatedSession::getCounselorId).collect(Collectors.toSet())) {
			Set<Long> theirs = new TreeSet<>();
			ofWeek.stream()
				.filter(s -> s.getCounselorId() == counselorId)
				.forEach(s -> expected.getOrDefault(s.getId(), List.of())
					.stream()
					.filter(atRisk::contains)
					.forEach(theirs::add));
			var channel = recipients.channelOf(counselorId);
			if (theirs.isEmpty() || channel.isEmpty()) {
				continue;
			}
			String names = theirs.stream()
				.map(id -> people.get(id).getFullName())
				.sorted(Comparator.naturalOrder())
				.collect(Collectors.joining(", "));
			String body = "At risk of missing this week's minimum (" + week + "): " + names + ".";
			if (outbox.enqueue(new NewMessage(NotificationKind.AT_RISK_DIGEST, channel.get(), counselorId, null, null,
					null, "digest:" + counselorId + ":" + program.getId() + ":" + today,
					"Participants at risk this week", body, now))) {
				put++;
			}
		}
		return put;
	}

}
