package org.iopscheduler.dose.web;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.dose.DoseReports;
import org.iopscheduler.dose.DoseReports.ProgramDose;
import org.iopscheduler.dose.DoseStatus;
import org.iopscheduler.dose.WeekExport;
import org.iopscheduler.people.Names;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The weekly dose dashboard of a program, and its CSV for billing. */
@PageController
@RequiredArgsConstructor
class DosePages {

	/** Who needs a call first: the week lost, then the week about to be lost. */
	private static final List<DoseStatus> URGENCY = List.of(DoseStatus.UNDER_DOSED, DoseStatus.AT_RISK,
			DoseStatus.ON_TRACK, DoseStatus.PARTIAL_WEEK, DoseStatus.MET);

	private static final Set<DoseStatus> ATTENTION = Set.of(DoseStatus.UNDER_DOSED, DoseStatus.AT_RISK);

	private final DoseReports reports;

	private final WeekExport export;

	private final Programs programs;

	private final Names names;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	record Row(long participantId, String name, int scheduled, int attended, int percent, int unmarked,
			DoseStatus status, int underDosedWeeks, String scheduledText, String attendedText) {
	}

	@Audited(value = AuditAction.READ_DOSAGE, whose = Whose.PAGE)
	@GetMapping("/programs/{programId}/dose")
	String dashboard(@PathVariable long programId, @RequestParam(required = false) IsoWeek week,
			@RequestParam(defaultValue = "all") String show, @RequestParam(required = false) DoseStatus status,
			Model model) {
		Program program = programs.get(programId);
		IsoWeek thisWeek = calendar.thisWeek(program);
		IsoWeek shown = week != null ? week : thisWeek;
		ProgramDose report = reports.program(programId, shown);
		int minimum = program.getMinimumWeeklyMinutes();
		Map<Long, String> known = names
			.of(report.participants().stream().map(DoseReports.ParticipantDose::participantId).toList());
		List<Row> all = report.participants()
			.stream()
			.map(p -> new Row(p.participantId(), known.get(p.participantId()), p.dose().scheduledMinutes(),
					p.dose().attendedMinutes(), PageFormat.percent(p.dose().attendedMinutes(), minimum),
					p.dose().unmarkedSessions(), p.dose().status(), p.consecutiveUnderDosedWeeks(),
					PageFormat.hours(p.dose().scheduledMinutes()), PageFormat.hours(p.dose().attendedMinutes())))
			.sorted(Comparator.comparing((Row r) -> URGENCY.indexOf(r.status()))
				.thenComparing(Row::name, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		Map<DoseStatus, Long> counts = new LinkedHashMap<>();
		URGENCY.forEach(s -> counts.put(s, all.stream().filter(r -> r.status() == s).count()));
		boolean attention = status == null && "attention".equals(show);
		audit.record(AuditAction.READ_DOSAGE, known.keySet());
		model.addAttribute("program", program);
		model.addAttribute("week", shown);
		model.addAttribute("previousWeek", shown.plusWeeks(-1));
		model.addAttribute("nextWeek", shown.plusWeeks(1));
		model.addAttribute("thisWeek", thisWeek);
		model.addAttribute("attention", attention);
		// one status: the organisation dashboard's drill-down
		model.addAttribute("rows", status != null ? all.stream().filter(r -> r.status() == status).toList()
				: attention ? all.stream().filter(r -> ATTENTION.contains(r.status())).toList() : all);
		model.addAttribute("only", status);
		model.addAttribute("makeUp", ATTENTION);
		model.addAttribute("total", all.size());
		model.addAttribute("counts", counts);
		model.addAttribute("minimumText", PageFormat.hours(minimum));
		return "dose/dashboard";
	}

	@Audited(value = AuditAction.EXPORT_DOSAGE, whose = Whose.PAGE)
	@GetMapping(value = "/programs/{programId}/dose.csv")
	ResponseEntity<String> csv(@PathVariable long programId, @RequestParam(required = false) IsoWeek week) {
		Program program = programs.get(programId);
		IsoWeek which = week != null ? week : calendar.thisWeek(program);
		String csv = export.csv(programId, which);
		audit.recordWithoutParticipant(AuditAction.EXPORT_DOSAGE);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"program-" + programId + "-" + which + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv);
	}

}
