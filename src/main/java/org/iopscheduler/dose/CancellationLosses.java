package org.iopscheduler.dose;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.WeekWithout;
import org.iopscheduler.dose.WeeklyDose.Totals;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.springframework.stereotype.Component;

/**
 * The weekly dose of a session's participants with and without it, from the same facts
 * and rules as the dose report (one statement for the program's week).
 */
@Component
@RequiredArgsConstructor
class CancellationLosses implements WeekWithout {

	private final DoseFacts facts;

	private final Programs programs;

	private final ClinicCalendar calendar;

	@Override
	public List<Loss> of(DatedSession session, Collection<Long> participantIds) {
		Program program = programs.get(session.getProgramId());
		IsoWeek week = IsoWeek.of(session.getDate());
		Instant now = calendar.now();
		ZoneId zone = program.zone();
		Set<Long> wanted = new HashSet<>(participantIds);
		List<Loss> losses = new ArrayList<>();
		facts.forEach(
				DoseFacts.Scope.programs(List.of(program.getId()), week, week, List.of(program.getTimeZone()), false),
				now, enrollment -> {
					if (!wanted.contains(enrollment.participantId())) {
						return;
					}
					WeeklyDose before = enrollment.dose(week, now);
					WeeklyDose after = WeeklyDose.of(week, zone, enrollment.minimumWeeklyMinutes(),
							enrollment.startDate(), enrollment.lastDay(),
							without(enrollment.totals().getOrDefault(week, Totals.NONE), session, now, zone), now);
					losses.add(new Loss(enrollment.participantId(), before.minimumWeeklyMinutes(),
							before.attendedMinutes(), before.scheduledMinutes(), after.scheduledMinutes(),
							before.status().name(), after.status().name()));
				});
		return losses;
	}

	/**
	 * The week's totals less one unmarked session (a session with attendance cannot be
	 * cancelled).
	 */
	private static Totals without(Totals totals, DatedSession session, Instant now, ZoneId zone) {
		if (session.isCancelled()) {
			return totals;
		}
		int minutes = session.getDurationMinutes();
		boolean started = session.hasStartedAt(now, zone);
		return new Totals(Math.max(0, totals.scheduledMinutes() - minutes), totals.attendedMinutes(),
				Math.max(0, totals.unmarkedSessions() - (started ? 1 : 0)),
				Math.max(0, totals.stillToCome() - (started ? 0 : minutes)), totals.daysAttended(),
				totals.daysOfThreeHours());
	}

}
