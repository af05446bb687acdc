package org.iopscheduler.dose.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.dose.DoseStatus;
import org.iopscheduler.dose.OrganisationDose;
import org.iopscheduler.dose.OrganisationDose.Selection;
import org.iopscheduler.program.Program;
import org.iopscheduler.program.Programs;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The organisation dashboard: every program's participants counted by status for one
 * week. The counts are the organisation report's rows (one statement for every program)
 * added up as they stream by, never a query per program.
 */
@PageController
@RequiredArgsConstructor
class OrganisationDosePages {

	/**
	 * The dashboard's columns, in the program dashboard's order: who needs a call first.
	 */
	static final List<DoseStatus> COLUMNS = List.of(DoseStatus.UNDER_DOSED, DoseStatus.AT_RISK, DoseStatus.ON_TRACK,
			DoseStatus.PARTIAL_WEEK, DoseStatus.MET);

	private final OrganisationDose report;

	private final Programs programs;

	private final PageAudit audit;

	private final ClinicCalendar calendar;

	/** One program's line: its counts in {@link #COLUMNS} order, and their sum. */
	record ProgramCounts(Program program, List<Long> counts, long total) {
	}

	@Audited(value = AuditAction.READ_DOSAGE, whose = Whose.PAGE)
	@GetMapping("/dosage")
	String dashboard(@RequestParam(required = false) IsoWeek week, Model model) {
		Selection selection = report.select(week, null, Set.of());
		Map<Long, Map<DoseStatus, Long>> counted = new HashMap<>();
		report.rows(selection, row -> counted.computeIfAbsent(row.programId(), id -> new EnumMap<>(DoseStatus.class))
			.merge(row.dose().status(), 1L, Long::sum));
		List<ProgramCounts> lines = new ArrayList<>();
		long[] totals = new long[COLUMNS.size()];
		for (Program program : programs.all()) {
			Map<DoseStatus, Long> counts = counted.getOrDefault(program.getId(), Map.of());
			List<Long> inOrder = COLUMNS.stream().map(s -> counts.getOrDefault(s, 0L)).toList();
			for (int i = 0; i < totals.length; i++) {
				totals[i] += inOrder.get(i);
			}
			lines.add(new ProgramCounts(program, inOrder, inOrder.stream().mapToLong(Long::longValue).sum()));
		}
		// counts only, no participant named: one line without a participant, as the
		// export
		audit.recordWithoutParticipant(AuditAction.READ_DOSAGE);
		IsoWeek shown = selection.week();
		model.addAttribute("week", shown);
		model.addAttribute("weekText", PageFormat.days(shown.monday(), shown.sunday()));
		model.addAttribute("previousWeek", shown.plusWeeks(-1));
		model.addAttribute("nextWeek", shown.plusWeeks(1));
		model.addAttribute("thisWeek", calendar.thisWeek(calendar.organisationZone()));
		model.addAttribute("columns", COLUMNS);
		model.addAttribute("lines", lines);
		model.addAttribute("totals", java.util.Arrays.stream(totals).boxed().toList());
		model.addAttribute("total", java.util.Arrays.stream(totals).sum());
		return "dose/organisation";
	}

}
