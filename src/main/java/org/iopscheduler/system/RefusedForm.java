package org.iopscheduler.system;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * The one way a page shows a refused submit: the refusal in words
 * ({@link RefusalSentences}) next to the field it is about, or above the form when it
 * concerns none of its fields. Field labels come from messages.properties,
 * {@code <form>.<field>}.
 */
@Component
public class RefusedForm {

	private final RefusalSentences sentences;

	private final MessageSource messages;

	public RefusedForm(RefusalSentences sentences, MessageSource messages) {
		this.sentences = sentences;
		this.messages = messages;
	}

	/**
	 * @param form the prefix of the form's labels ("block" for {@code block.title})
	 * @param fields the form's fields a refusal may be shown next to
	 */
	public void attach(DomainException refused, BindingResult result, String form, Collection<String> fields) {
		attach(refused.refusal(), null, Map.of(), result, form, fields);
	}

	/**
	 * @param doing what was tried, when the words differ by it
	 * @param known ids the page knows that the refusal does not carry (the enrolment's
	 * participant)
	 */
	public void attach(Refusal why, String doing, Map<String, Object> known, BindingResult result, String form,
			Collection<String> fields) {
		String words = sentences.of(why, doing, known, labels(form));
		String field = why.field() != null ? why.field()
				// a sentence known only as text may start with the field it is about
				: fields.stream().filter(f -> why.message().startsWith(f + " ")).findFirst().orElse(null);
		if (field != null && fields.contains(field) && !result.hasFieldErrors(field)) {
			result.rejectValue(field, "domain.refused", words);
		}
		else if (field == null || !fields.contains(field)) {
			result.reject("domain.refused", words);
		}
	}

	/** The refusal in words, for a page with no form to put it on (a flash message). */
	public String words(DomainException refused, String form) {
		return sentences.of(refused.refusal(), Map.of(), labels(form));
	}

	public String words(Refusal why, String doing, Map<String, Object> known, String form) {
		return sentences.of(why, doing, known, labels(form));
	}

	/** A field's label on this form, or in general ({@code field.<name>}). */
	public Function<String, String> labels(String form) {
		return field -> label(form + "." + field).or(() -> label("field." + field)).orElse(null);
	}

	private Optional<String> label(String key) {
		try {
			return Optional.of(messages.getMessage(key, null, LocaleContextHolder.getLocale()));
		}
		catch (NoSuchMessageException missing) {
			return Optional.empty();
		}
	}

}
