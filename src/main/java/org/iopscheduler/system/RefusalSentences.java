package org.iopscheduler.system;

import java.text.MessageFormat;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Any refusal as a coordinator's sentence: the message {@code refused.<rule>} of
 * messages.properties, whose named placeholders ({@code {counselorId}}) take the
 * refusal's facts in words: a person's full name, a block with its day and time, a date
 * as "Thu 3 Dec", a day of the week as "Mondays", a zone as "New York time", minutes as
 * hours. The API keeps the domain's own sentence ({@code detail}). A rule without words
 * falls back to the domain's sentence with field names turned into the form's labels and
 * ids, enum names and dates into words.
 */
@Component
public class RefusalSentences {

	static final String PREFIX = "refused.";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]\\w*)(?=[,}])");

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

	private static final Pattern ENUM = Pattern.compile("[A-Z][A-Z_]+");

	// "counselorId 5", "participant 12", "block 7 'Process group'"
	private static final Pattern ID_IN_SENTENCE = Pattern.compile("\\b(\\w+)(?:Id)? (\\d+)(?: '[^']*')?");

	private static final List<String> ENUM_WORDS = List.of("type.", "population.short.", "status.", "attendance.",
			"role.");

	private final MessageSource messages;

	private final List<FactWords> namers;

	public RefusalSentences(MessageSource messages, List<FactWords> namers) {
		this.messages = messages;
		this.namers = namers;
	}

	/** The refusal in words; ids the page knows but the refusal lacks may be added. */
	public String of(Refusal why, Map<String, Object> known, Function<String, String> labels) {
		return of(why, null, known, labels);
	}

	/**
	 * @param doing what the user tried, when the words differ by it: the message
	 * {@code refused.<rule>.<doing>} is tried first
	 */
	public String of(Refusal why, String doing, Map<String, Object> known, Function<String, String> labels) {
		Map<String, Object> facts = new LinkedHashMap<>(known);
		// {said}: the domain's own words, for a rule whose sentence is the fact
		facts.put("said", why.message());
		why.facts().forEach((name, value) -> {
			if (value != null) {
				facts.put(name, value);
			}
		});
		Optional<String> pattern = doing == null ? Optional.empty() : message(PREFIX + why.rule() + "." + doing);
		pattern = pattern.or(() -> message(PREFIX + why.rule()));
		return pattern.map(p -> format(p, facts)).orElseGet(() -> fallback(why, facts, labels));
	}

	/** Whether a rule has words of its own. */
	public boolean worded(String rule) {
		return message(PREFIX + rule).isPresent();
	}

	private String format(String pattern, Map<String, Object> facts) {
		List<Object> args = new ArrayList<>();
		Matcher named = PLACEHOLDER.matcher(pattern);
		StringBuilder indexed = new StringBuilder();
		Map<String, Integer> index = new LinkedHashMap<>();
		while (named.find()) {
			String fact = named.group(1);
			Integer at = index.computeIfAbsent(fact, f -> {
				args.add(argument(f, facts));
				return args.size() - 1;
			});
			named.appendReplacement(indexed, "{" + at);
		}
		named.appendTail(indexed);
		return new MessageFormat(indexed.toString(), locale()).format(args.toArray());
	}

	/** Counts stay numbers (for choice formats); everything else is words. */
	private Object argument(String fact, Map<String, Object> facts) {
		Object value = facts.get(fact);
		if (value instanceof Number n && !fact.endsWith("Minutes") && !fact.endsWith("Id")) {
			return n;
		}
		if ("said".equals(fact)) {
			return value;
		}
		return value == null ? "" : words(fact, value, facts);
	}

	/** One fact in words, by its kind. */
	public String words(String fact, Object value, Map<String, Object> facts) {
		for (FactWords namer : namers) {
			Optional<String> named = namer.words(fact, value, facts);
			if (named.isPresent()) {
				return named.get();
			}
		}
		if (value instanceof Number n && fact.endsWith("Minutes")) {
			return PageFormat.hours(n.intValue());
		}
		String text = String.valueOf(value);
		if (ISO_DATE.matcher(text).matches()) {
			return PageFormat.day(LocalDate.parse(text));
		}
		if (text.length() > 10 && ISO_DATE.matcher(text.substring(0, 10)).matches()) {
			try {
				OffsetDateTime at = OffsetDateTime.parse(text);
				return PageFormat.day(at.toLocalDate()) + " " + PageFormat.time(at.toLocalTime());
			}
			catch (DateTimeException notAMoment) {
				return text;
			}
		}
		Matcher week = ISO_WEEK.matcher(text);
		if (week.matches()) {
			LocalDate monday = LocalDate.parse(week.group(1) + "-01-04")
				.with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(week.group(2)))
				.with(DayOfWeek.MONDAY);
			return PageFormat.days(monday, monday.plusDays(6));
		}
		if (text.contains("/") || "UTC".equals(text)) {
			return PageFormat.zone(text);
		}
		if (ENUM.matcher(text).matches()) {
			return enumWords(text);
		}
		return text;
	}

	private String enumWords(String name) {
		for (DayOfWeek day : DayOfWeek.values()) {
			if (day.name().equals(name)) {
				return PageFormat.dayName(day) + "s";
			}
		}
		for (String prefix : ENUM_WORDS) {
			Optional<String> said = message(prefix + name);
			if (said.isPresent()) {
				return said.get();
			}
		}
		return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/**
	 * The domain's sentence made readable: field names as the form labels them, ids as
	 * names, enum names, dates and weeks in words.
	 */
	private String fallback(Refusal why, Map<String, Object> facts, Function<String, String> labels) {
		String text = why.field() != null && why.message().startsWith(why.field() + " ")
				? why.message().substring(why.field().length() + 1) : why.message();
		Matcher ids = ID_IN_SENTENCE.matcher(text);
		StringBuilder named = new StringBuilder();
		while (ids.find()) {
			String fact = ids.group(1).endsWith("Id") ? ids.group(1) : ids.group(1) + "Id";
			Long id = Long.valueOf(ids.group(2));
			String words = namerWords(fact, id, facts).orElse(ids.group());
			ids.appendReplacement(named, Matcher.quoteReplacement(words));
		}
		ids.appendTail(named);
		StringBuilder out = new StringBuilder();
		for (String token : named.toString().split("(?<=[\\s(),;:])|(?=[\\s(),;:])")) {
			out.append(tokenWords(token, facts, labels));
		}
		String sentence = out.toString().replace("..", " to ").strip();
		return sentence.isEmpty() ? sentence : Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1);
	}

	private String tokenWords(String token, Map<String, Object> facts, Function<String, String> labels) {
		if (token.isBlank() || token.length() == 1 && "(),;:".contains(token)) {
			return token;
		}
		// camelCase is a field name; plain words such as "location" stay as written
		String label = token.chars().skip(1).anyMatch(Character::isUpperCase) ? labels.apply(token) : null;
		if (label != null) {
			return label;
		}
		if (ISO_DATE.matcher(token).matches() || ISO_WEEK.matcher(token).matches() || ENUM.matcher(token).matches()) {
			return words("", token, facts);
		}
		return token;
	}

	private Optional<String> namerWords(String fact, Object value, Map<String, Object> facts) {
		for (FactWords namer : namers) {
			Optional<String> named = namer.words(fact, value, facts);
			if (named.isPresent()) {
				return named;
			}
		}
		return Optional.empty();
	}

	private Optional<String> message(String key) {
		try {
			return Optional.of(messages.getMessage(key, null, locale()));
		}
		catch (NoSuchMessageException missing) {
			return Optional.empty();
		}
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
