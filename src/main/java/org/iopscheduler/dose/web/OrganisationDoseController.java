package org.iopscheduler.dose.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.json.JsonMapper;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.system.Csv;
import org.iopscheduler.dose.DoseStatus;
import org.iopscheduler.dose.OrganisationDose;
import org.iopscheduler.dose.OrganisationDose.Selection;
import org.iopscheduler.dose.WeeklyDose;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The organisation-wide week for coordinators: every program's participants, streamed row
 * by row as the database returns them (20,000 rows are never held in memory), as JSON or
 * CSV.
 */
@Tag(name = "Dose")
@RestController
@RequiredArgsConstructor
class OrganisationDoseController {

	static final List<String> CSV_HEADER = List.of("program_id", "participant_id", "enrollment_id", "scheduled_minutes",
			"attended_minutes", "unmarked_sessions", "status", "minimum_weekly_minutes", "days_attended",
			"days_of_three_hours");

	private final OrganisationDose report;

	private final JsonMapper json;

	@Operation(summary = "Every program's participants for one week (coordinators), streamed: "
			+ "{week, participants: [{programId, participantId, enrollmentId, scheduledMinutes, attendedMinutes, "
			+ "unmarkedSessions, status, minimumWeeklyMinutes, daysAttended, daysOfThreeHours}]}, "
			+ "ordered by program and participant")
	@Audited(value = AuditAction.READ_DOSAGE, whose = Whose.MANY)
	@GetMapping(value = "/api/dosage", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<StreamingResponseBody> organisation(
			@Parameter(description = "ISO week, e.g. 2026-W48; default: this week in the organisation's zone "
					+ "(iop.organisation.time-zone), or in the program's with programId") @RequestParam(
							required = false) IsoWeek week,
			@Parameter(
					description = "only these statuses, e.g. UNDER_DOSED,AT_RISK (or status repeated)") @RequestParam(
							required = false) Set<DoseStatus> status,
			@Parameter(description = "only this program") @RequestParam(required = false) Long programId) {
		Selection selection = select(week, status, programId);
		StreamingResponseBody body = out -> {
			try (JsonGenerator g = json.createGenerator(out)) {
				g.writeStartObject();
				g.writeStringProperty("week", selection.week().toString());
				g.writeArrayPropertyStart("participants");
				report.rows(selection, row -> {
					WeeklyDose d = row.dose();
					g.writeStartObject();
					g.writeNumberProperty("programId", row.programId());
					g.writeNumberProperty("participantId", row.participantId());
					g.writeNumberProperty("enrollmentId", row.enrollmentId());
					g.writeNumberProperty("scheduledMinutes", d.scheduledMinutes());
					g.writeNumberProperty("attendedMinutes", d.attendedMinutes());
					g.writeNumberProperty("unmarkedSessions", d.unmarkedSessions());
					g.writeStringProperty("status", d.status().name());
					g.writeNumberProperty("minimumWeeklyMinutes", d.minimumWeeklyMinutes());
					g.writeNumberProperty("daysAttended", d.daysAttended());
					g.writeNumberProperty("daysOfThreeHours", d.daysOfThreeHours());
					g.writeEndObject();
				});
				g.writeEndArray();
				g.writeEndObject();
			}
		};
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

	@Operation(summary = "The organisation-wide week as CSV: a header line and one line per participant")
	@Audited(value = AuditAction.EXPORT_DOSAGE, whose = Whose.MANY)
	// also at /dosage.csv, behind the pages' sign-in: the organisation dashboard's
	// download
	// link (the /api door is stateless HTTP Basic and knows no page session)
	@GetMapping({ "/api/dosage.csv", "/dosage.csv" })
	ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) IsoWeek week,
			@RequestParam(required = false) Set<DoseStatus> status, @RequestParam(required = false) Long programId) {
		Selection selection = select(week, status, programId);
		StreamingResponseBody body = out -> {
			try (SequenceWriter rows = Csv.rows(out, CSV_HEADER)) {
				report.rows(selection, row -> {
					WeeklyDose d = row.dose();
					rows.write(List.of(row.programId(), row.participantId(), row.enrollmentId(), d.scheduledMinutes(),
							d.attendedMinutes(), d.unmarkedSessions(), d.status().name(), d.minimumWeeklyMinutes(),
							d.daysAttended(), d.daysOfThreeHours()));
				});
			}
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"dosage-" + selection.week() + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(body);
	}

	/**
	 * Checks the parameters before anything is streamed; the request's audit line
	 * ({@code @Audited}) is stored when the handler returns, before the first row.
	 */
	private Selection select(IsoWeek week, Set<DoseStatus> status, Long programId) {
		return report.select(week, programId, statuses(status));
	}

	/**
	 * Spring converts the parameter (comma-separated, or repeated; a bad name is a 400
	 * naming it); none, or only empty items ("status=", "A,"), is every status.
	 */
	static Set<DoseStatus> statuses(Set<DoseStatus> given) {
		Set<DoseStatus> statuses = EnumSet.noneOf(DoseStatus.class);
		if (given != null) {
			given.stream().filter(Objects::nonNull).forEach(statuses::add);
		}
		return statuses;
	}

}
