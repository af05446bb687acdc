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
import org.iopscheduler.audit.PeopleDirectory;
import org.iopscheduler.audit.PeopleDirectory.Kind;
import org.iopscheduler.audit.PeopleDirectory.Person;
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
import org.springframework.web.bind.annotation.RequestParam;
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

	/** People offered when a name matches several. */
	static final int CHOICES = 20;

	private final AuditTrail trail;

	private final PageAudit audit;

	private final PeopleDirectory people;

	/** Days in the filter are the organisation's days. */
	private final ZoneId zone;

	AuditPages(AuditTrail trail, PageAudit audit, PeopleDirectory people,
			@Value("${iop.organisation.time-zone:UTC}") String zone) {
		this.trail = trail;
		this.audit = audit;
		this.people = people;
		this.zone = ZoneId.of(zone);
	}

	/**
	 * Whom a filter names: the one chosen, or the several it could mean (to choose from),
	 * or nobody (no filter, or no match, shown next to the field).
	 */
	record Pick(Person chosen, List<Person> options, boolean more) {

		static final Pick NONE = new Pick(null, List.of(), false);

		public boolean undecided() {
			return !options.isEmpty();
		}

		public Long id() {
			return chosen != null ? chosen.id() : null;
		}

	}

	@Data
	static class FilterForm {

		/**
		 * the start of a participant's name or username (an exact username picks them at
		 * once, as the links bookmarked before ids did)
		 */
		@Size(max = 100)
		private String participant;

		/** the participant chosen: links and bookmarks carry the id */
		private Long participantId;

		/** the same for a member of staff */
		@Size(max = 100)
		private String staff;

		private Long staffId;

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
		Pick participant = pick(Kind.PARTICIPANT, form.getParticipantId(), form.getParticipant(), "participant",
				result);
		Pick staff = pick(Kind.STAFF, form.getStaffId(), form.getStaff(), "staff", result);
		model.addAttribute("participantPick", participant);
		model.addAttribute("staffPick", staff);
		model.addAttribute("participantChoices", choices(form, participant, staff, Kind.PARTICIPANT));
		model.addAttribute("staffChoices", choices(form, participant, staff, Kind.STAFF));
		// the one chosen is shown by name in the field, its id carried along
		if (participant.chosen() != null) {
			form.setParticipant(participant.chosen().fullName());
			form.setParticipantId(participant.id());
		}
		if (staff.chosen() != null) {
			form.setStaff(staff.chosen().fullName());
			form.setStaffId(staff.id());
		}
		// participants offered to choose from are a search's answer, read as the people
		// page's are; the lines themselves are the one READ_AUDIT_LOG line
		audit.record(AuditAction.READ_PARTICIPANT, participant.options().stream().map(Person::id).toList());
		if (result.hasErrors() || participant.undecided() || staff.undecided()) {
			model.addAttribute("rows", List.of());
			model.addAttribute("total", 0L);
			model.addAttribute("hasNext", false);
			return "audit/log";
		}
		AuditTrail.Lines found = trail.search(filter(form, participant, staff), form.getPage(), PAGE_SIZE);
		audit.recordWithoutParticipant(AuditAction.READ_AUDIT_LOG);
		model.addAttribute("rows", found.lines().stream().map(this::row).toList());
		model.addAttribute("total", found.total());
		model.addAttribute("hasNext",
				form.getPage() < LAST_PAGE && (long) (form.getPage() + 1) * PAGE_SIZE < found.total());
		model.addAttribute("csvHref", href("/audit.csv", form, participant, staff, null));
		model.addAttribute("previousHref", href("/audit", form, participant, staff, form.getPage() - 1));
		model.addAttribute("nextHref", href("/audit", form, participant, staff, form.getPage() + 1));
		return "audit/log";
	}

	/**
	 * Suggestions as the coordinator types a name in a filter: the people search's first
	 * matches, as a datalist (the participants among them are read, so audited).
	 */
	@Audited(value = AuditAction.READ_PARTICIPANT, whose = Whose.PAGE)
	@GetMapping("/audit/people")
	String suggestions(@RequestParam Kind kind, @RequestParam(required = false) String participant,
			@RequestParam(required = false) String staff, Model model) {
		String typed = blankless(kind == Kind.PARTICIPANT ? participant : staff);
		List<Person> found = typed == null || typed.length() > 100 ? List.of()
				: people.startingWith(kind, typed, SUGGESTIONS);
		if (kind == Kind.PARTICIPANT) {
			audit.record(AuditAction.READ_PARTICIPANT, found.stream().map(Person::id).toList());
		}
		model.addAttribute("id", kind == Kind.PARTICIPANT ? "audit-participant-options" : "audit-staff-options");
		model.addAttribute("people", found);
		return "audit/log :: options";
	}

	static final int SUGGESTIONS = 10;

	@Audited(value = AuditAction.READ_AUDIT_LOG, whose = Whose.PAGE)
	@GetMapping("/audit.csv")
	Object csv(@Valid @ModelAttribute("filter") FilterForm form, BindingResult result, Model model) {
		checkDates(form, result);
		Pick participant = pick(Kind.PARTICIPANT, form.getParticipantId(), form.getParticipant(), "participant",
				result);
		Pick staff = pick(Kind.STAFF, form.getStaffId(), form.getStaff(), "staff", result);
		if (result.hasErrors() || participant.undecided() || staff.undecided()) {
			// the same filters, their errors and choices shown next to them
			return log(form, result, model);
		}
		List<Line> lines = trail.search(filter(form, participant, staff), 0, CSV_LIMIT).lines();
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

	/**
	 * Whom the field names. An id wins while the text still names that person (the field
	 * shows the chosen name); otherwise the text: an exact username picks that person,
	 * else the people whose name or username starts with it, one of them picked at once,
	 * several offered to choose from.
	 */
	private Pick pick(Kind kind, Long id, String text, String field, BindingResult result) {
		if (result.hasFieldErrors(field)) {
			return Pick.NONE;
		}
		String typed = blankless(text);
		if (id != null) {
			Optional<Person> known = people.withId(kind, id);
			if (known.isPresent() && (typed == null || typed.equals(known.get().fullName())
					|| typed.equals(known.get().username()))) {
				return chosen(known.get());
			}
			if (known.isEmpty() && typed == null) {
				result.rejectValue(field, "audit.person.unknown." + kind);
				return Pick.NONE;
			}
		}
		if (typed == null) {
			return Pick.NONE;
		}
		Optional<Person> exact = people.withUsername(kind, typed);
		if (exact.isPresent()) {
			return chosen(exact.get());
		}
		List<Person> found = people.startingWith(kind, typed, CHOICES + 1);
		if (found.isEmpty()) {
			result.rejectValue(field, "audit.person.none." + kind, new Object[] { typed }, null);
			return Pick.NONE;
		}
		if (found.size() == 1) {
			return chosen(found.get(0));
		}
		return new Pick(null, found.subList(0, Math.min(CHOICES, found.size())), found.size() > CHOICES);
	}

	private static Pick chosen(Person person) {
		return new Pick(person, List.of(), false);
	}

	/** A link per person offered: the same filters with that person chosen. */
	private static List<Choice> choices(FilterForm form, Pick participant, Pick staff, Kind kind) {
		Pick offered = kind == Kind.PARTICIPANT ? participant : staff;
		return offered.options().stream().map(person -> {
			Pick chosen = chosen(person);
			return new Choice(person, kind == Kind.PARTICIPANT ? href("/audit", form, chosen, staff, null)
					: href("/audit", form, participant, chosen, null));
		}).toList();
	}

	record Choice(Person person, String href) {
	}

	private Filter filter(FilterForm form, Pick participant, Pick staff) {
		Instant from = form.getFrom() != null ? form.getFrom().atStartOfDay(zone).toInstant() : null;
		Instant to = form.getTo() != null ? form.getTo().plusDays(1).atStartOfDay(zone).toInstant() : null;
		return new Filter(participant.id(), staff.id(), form.getAction(), from, to);
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

	/**
	 * The same filters, on another page or as CSV: only those given, encoded; a person
	 * chosen by id, one not yet chosen by the text typed.
	 */
	private static String href(String path, FilterForm form, Pick participant, Pick staff, Integer page) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path)
			.queryParamIfPresent("participantId", Optional.ofNullable(participant.id()))
			.queryParamIfPresent("participant",
					Optional.ofNullable(participant.id() == null ? blankless(form.getParticipant()) : null))
			.queryParamIfPresent("staffId", Optional.ofNullable(staff.id()))
			.queryParamIfPresent("staff", Optional.ofNullable(staff.id() == null ? blankless(form.getStaff()) : null))
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
