package org.iopscheduler.enrollment.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.enrollment.Enrollment;
import org.iopscheduler.people.Names;
import org.iopscheduler.system.DomainErrors;
import org.iopscheduler.system.DomainException;
import org.iopscheduler.system.PageFormat;
import org.iopscheduler.system.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * An enrolment's refusals in a coordinator's words ("Alex Carter attended Process group
 * on Thu 3 Dec, after the discharge date you chose (Tue 1 Dec)"), from the rule and the
 * facts the domain gives with it; the API keeps its own sentences. A rule without words
 * here is shown as the domain said it.
 */
@Component
@RequiredArgsConstructor
class RefusalWords {

	private final MessageSource messages;

	private final Names names;

	String say(String key, Object... args) {
		return messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/**
	 * @param doing what the coordinator tried: discharge, change (the plan) or undo (a
	 * scheduled change)
	 */
	String of(DomainException refused, Enrollment e, String doing) {
		Refusal why = refused.refusal();
		Map<String, Object> f = why.facts();
		return switch (why.rule()) {
			case "enrollment.attendance-would-leave-roster" -> say("enrollment.refused.attended." + doing, name(e),
					f.get("sessionTitle"), day(f.get("sessionDate")), day(f.get("from")),
					day(LocalDate.parse(String.valueOf(f.get("from"))).minusDays(1).toString()));
			case "enrollment.already-discharged" ->
				say("enrollment.refused.already-discharged", name(e), day(f.get("dischargeDate")));
			case "enrollment.discharge-before-start" ->
				say("enrollment.refused.discharge-before-start", day(f.get("date")), day(f.get("startDate")));
			case "enrollment.discharge-after-end" ->
				say("enrollment.refused.discharge-after-end", day(f.get("date")), day(f.get("endDate")));
			case "enrollment.after-last-day" ->
				say("enrollment.refused.after-last-day", day(f.get("date")), day(f.get("lastDay")));
			case "enrollment.change-not-scheduled" ->
				say("enrollment.refused.not-scheduled", day(f.get("date")), day(f.get("today")));
			case "record.changed-since-loaded" -> say("enrollment.refused.stale");
			default -> why.message();
		};
	}

	/** Next to the field it is about, or above the form. */
	void attach(DomainException refused, Enrollment e, String doing, BindingResult form, Set<String> fields) {
		Refusal why = refused.refusal();
		String words = of(refused, e, doing);
		if (why.field() != null && fields.contains(why.field())) {
			form.rejectValue(why.field(), "refused", words);
		}
		else if (words.equals(why.message())) {
			DomainErrors.attach(refused, form, fields);
		}
		else {
			form.reject("refused", words);
		}
	}

	private String name(Enrollment e) {
		return names.of(java.util.List.of(e.getParticipantId())).getOrDefault(e.getParticipantId(), "");
	}

	private static String day(Object isoDate) {
		return isoDate == null ? "" : PageFormat.day(LocalDate.parse(String.valueOf(isoDate)));
	}

}
