package org.iopscheduler.dose.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.dose.DoseReports;
import org.iopscheduler.dose.DoseReports.ProgramDose;
import org.iopscheduler.dose.DoseStatus;
import org.iopscheduler.dose.WeekExport;
import org.iopscheduler.dose.WeeklyDose;
import org.iopscheduler.enrollment.ParticipantZones;
import org.iopscheduler.people.People;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Dose")
@RestController
@RequiredArgsConstructor
class DoseController {

	private final DoseReports reports;

	private final WeekExport export;

	private final Programs programs;

	private final People people;

	private final ClinicCalendar calendar;

	private final ParticipantZones zones;

	/**
	 * One participant's row. Beyond the contract: consecutiveUnderDosedWeeks (the run of
	 * under-dosed weeks ending this week, or last week while this one runs), daysAttended
	 * and daysOfThreeHours (payers count days as well as hours), and a plain-words
	 * explanation.
	 */
	record DoseRow(Long participantId, Long enrollmentId, int scheduledMinutes, int attendedMinutes,
			int unmarkedSessions, DoseStatus status, int consecutiveUnderDosedWeeks, int daysAttended,
			int daysOfThreeHours, String explanation) {
	}

	record ProgramReport(Long programId, String week, int minimumWeeklyMinutes, List<DoseRow> participants) {
	}

	record WeekRow(String week, int scheduledMinutes, int attendedMinutes, int unmarkedSessions, DoseStatus status,
			int minimumWeeklyMinutes, int daysAttended, int daysOfThreeHours) {

		static WeekRow of(WeeklyDose d) {
			return new WeekRow(d.week().toString(), d.scheduledMinutes(), d.attendedMinutes(), d.unmarkedSessions(),
					d.status(), d.minimumWeeklyMinutes(), d.daysAttended(), d.daysOfThreeHours());
		}

	}

	@Operation(summary = "The program's weekly dose report (default: this week in the program's zone)")
	@Audited(value = AuditAction.READ_DOSAGE, whose = Whose.IN_ANSWER)
	@GetMapping("/api/programs/{programId}/dosage")
	ProgramReport program(@PathVariable long programId, @RequestParam(required = false) IsoWeek week) {
		ProgramDose report = reports.program(programId, weekOr(week, programs.get(programId)));
		return new ProgramReport(report.program().getId(), report.week().toString(),
				report.program().getMinimumWeeklyMinutes(),
				report.participants()
					.stream()
					.map(p -> new DoseRow(p.participantId(), p.enrollmentId(), p.dose().scheduledMinutes(),
							p.dose().attendedMinutes(), p.dose().unmarkedSessions(), p.dose().status(),
							p.consecutiveUnderDosedWeeks(), p.dose().daysAttended(), p.dose().daysOfThreeHours(),
							p.dose().explain()))
					.toList());
	}

	@Operation(summary = "The program's week as CSV for billing: one line per participant and session")
	@Audited(value = AuditAction.EXPORT_DOSAGE, whose = Whose.MANY)
	@GetMapping("/api/programs/{programId}/dosage.csv")
	ResponseEntity<String> csv(@PathVariable long programId, @RequestParam(required = false) IsoWeek week) {
		IsoWeek which = weekOr(week, programs.get(programId));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"program-" + programId + "-" + which + ".csv\"")
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(export.csv(programId, which));
	}

	@Operation(summary = "A participant's weeks from..to: staff, or that participant",
			description = "Default: this week in the zone of the participant's current program.")
	@Audited(value = AuditAction.READ_DOSAGE, whose = Whose.PATH_PARTICIPANT_ID)
	@GetMapping("/api/participants/{participantId}/dosage")
	List<WeekRow> participant(@PathVariable long participantId, @AuthenticationPrincipal SignedIn me,
			@RequestParam(required = false) IsoWeek from, @RequestParam(required = false) IsoWeek to) {
		if (!me.role().isStaff() && me.id() != participantId) {
			throw new NotFound("no participant with id " + participantId);
		}
		people.participant(participantId);
		return weeks(participantId, from, to);
	}

	@Operation(summary = "The caller's own weeks from..to",
			description = "Default: this week in the zone of the caller's current program.")
	@Audited(value = AuditAction.READ_DOSAGE, whose = Whose.CALLER)
	@GetMapping("/api/me/dosage")
	List<WeekRow> mine(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) IsoWeek from,
			@RequestParam(required = false) IsoWeek to) {
		return weeks(me.id(), from, to);
	}

	private List<WeekRow> weeks(long participantId, IsoWeek from, IsoWeek to) {
		IsoWeek last = to != null ? to : from != null ? from : calendar.thisWeek(zones.zoneOf(participantId));
		IsoWeek first = from != null ? from : last;
		return reports.participant(participantId, first, last).stream().map(WeekRow::of).toList();
	}

	private IsoWeek weekOr(IsoWeek week, Program program) {
		return week != null ? week : calendar.thisWeek(program);
	}

}
