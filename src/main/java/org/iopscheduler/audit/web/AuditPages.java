package org.iopscheduler.audit.web;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import lombok.Data;
import tools.jackson.databind.SequenceWriter;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.AuditTrail;
import org.iopscheduler.audit.AuditTrail.Filter;
import org.iopscheduler.audit.AuditTrail.Line;
import org.iopscheduler.system.Csv;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.PageFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The coordinators' audit log: who read or changed whose records, filtered, a page at a
 * time, and as CSV. The page and the export show which participants' records were read,
 * itself a disclosure about participants: each is one line of the log (READ_AUDIT_LOG),
 * naming nobody (it may list thousands; one line per participant per look would flood the
 * log with itself).
 */
@PageController
class AuditPages {

	static final int PAGE_SIZE = 50;

	/** At most 100,000 lines are skipped to reach a page, as for the account lists. */
	static final int LAST_PAGE = 100_000 / PAGE_SIZE;

	/** The export holds the newest lines that match, at most this many. */
	static final int CSV_LIMIT = 10_000;

	static final List<String> CSV_HEADER = List.of("at", "staff", "staff_username", "staff_role", "action",
			"participant", "participant_username", "method", "target");

	private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.US);

	private final AuditTrail trail;

	private final PageAudit audit;

	/** Days in the filter are the organisation's days. */
	private final ZoneId zone;

	AuditPages(AuditTrail trail, PageAudit audit, @Value("${iop.organisation.time-zone:UTC}") String zone) {
		this.trail = trail;
		this.audit = audit;
		this.zone = ZoneId.of(zone);
	}

	@Data
	static class FilterForm {

		/** a participant's username */
		@Size(max = 100)
		private String participant;

		/** a member of staff's username */
		@Size(max = 100)
		private String staff;

		private AuditAction action;

		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate from;

		/** inclusive */
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate to;

		/**
		 * past the bound: the last page allowed (empty, with its link back), never a 500
		 */
		private int page;

	}

	/**
	 * A line as the page shows it: names and words, the time in the organisation's zone.
	 */
	record Row(String day, String time, String staffName, String staffUsername, String staffRole, AuditAction action,
			String participantName, String participantUsername, String target) {
	}

	@Audited(value = AuditAction.READ_AUDIT_LOG, whose = Whose.PAGE)
	@GetMapping("/audit")
	String log(@Valid @ModelAttribute("filter") FilterForm form, BindingResult result, Model model) {
		model.addAttribute("actions", actionChoices());
		form.setPage(Math.min(Math.max(form.getPage(), 0), LAST_PAGE));
		checkDates(form, result);
		if (result.hasErrors()) {
			model.addAttribute("rows", List.of());
			model.addAttribute("total", 0L);
			model.addAttribute("hasNext", false);
			return "audit/log";
		}
		AuditTrail.Lines found = trail.search(filter(form), form.getPage(), PAGE_SIZE);
		audit.recordWithoutParticipant(AuditAction.READ_AUDIT_LOG);
		model.addAttribute("rows", found.lines().stream().map(this::row).toList());
		model.addAttribute("total", found.total());
		model.addAttribute("hasNext",
				form.getPage() < LAST_PAGE && (long) (form.getPage() + 1) * PAGE_SIZE < found.total());
		model.addAttribute("csvHref", href("/audit.csv", form, null));
		model.addAttribute("previousHref", href("/audit", form, form.getPage() - 1));
		model.addAttribute("nextHref", href("/audit", form, form.getPage() + 1));
		return "audit/log";
	}

	@Audited(value = AuditAction.READ_AUDIT_LOG, whose = Whose.PAGE)
	@GetMapping("/audit.csv")
	Object csv(@Valid @ModelAttribute("filter") FilterForm form, BindingResult result, Model model) {
		checkDates(form, result);
		if (result.hasErrors()) {
			// the same filters, their errors shown next to them
			return log(form, result, model);
		}
		List<Line> lines = trail.search(filter(form), 0, CSV_LIMIT).lines();
		audit.recordWithoutParticipant(AuditAction.READ_AUDIT_LOG);
		StringWriter out = new StringWriter();
		try (SequenceWriter rows = Csv.rows(out, CSV_HEADER)) {
			for (Line line : lines) {
				rows.write(List.of(CSV_TIME.format(line.at().atZone(zone)), Csv.text(line.actorName()),
						Csv.text(line.actorUsername()), line.actorRole(), line.action().name(),
						Csv.text(line.participantName()), Csv.text(line.participantUsername()), line.method(),
						Csv.text(line.target())));
			}
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(out.toString());
	}

	private static void checkDates(FilterForm form, BindingResult result) {
		if (form.getFrom() != null && form.getTo() != null && form.getTo().isBefore(form.getFrom())
				&& !result.hasFieldErrors("to")) {
			result.rejectValue("to", "audit.to.beforeFrom");
		}
	}

	private Filter filter(FilterForm form) {
		Instant from = form.getFrom() != null ? form.getFrom().atStartOfDay(zone).toInstant() : null;
		Instant to = form.getTo() != null ? form.getTo().plusDays(1).atStartOfDay(zone).toInstant() : null;
		return new Filter(blankless(form.getParticipant()), blankless(form.getStaff()), form.getAction(), from, to);
	}

	private Row row(Line line) {
		ZonedDateTime at = line.at().atZone(zone);
		return new Row(PageFormat.day(at.toLocalDate()), PageFormat.time(at.toLocalTime()), line.actorName(),
				line.actorUsername(), line.actorRole(), line.action(), line.participantName(),
				line.participantUsername(), line.target());
	}

	private static List<AuditAction> actionChoices() {
		return List.of(AuditAction.values());
	}

	/** The same filters, on another page or as CSV: only those given, encoded. */
	private static String href(String path, FilterForm form, Integer page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path)
			.queryParamIfPresent("participant", Optional.ofNullable(blankless(form.getParticipant())))
			.queryParamIfPresent("staff", Optional.ofNullable(blankless(form.getStaff())))
			.queryParamIfPresent("action", Optional.ofNullable(form.getAction()))
			.queryParamIfPresent("from", Optional.ofNullable(form.getFrom()))
			.queryParamIfPresent("to", Optional.ofNullable(form.getTo()));
		if (page != null) {
			link.queryParam("page", page);
		}
		return link.encode().build().toUriString();
	}

	private static String blankless(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
