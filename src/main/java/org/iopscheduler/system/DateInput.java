package org.iopscheduler.system;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.ext.javatime.deser.LocalDateDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.core.convert.converter.Converter;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.stereotype.Component;

/**
 * Every date a client sends is read here, once for all features: in JSON bodies (Jackson)
 * and in query parameters and page forms (Spring's conversion); instants in parameters
 * too, by their day in UTC. A date outside {@link AcceptedDates} is refused like a
 * malformed one, so the problem advice names the field ("startDate: '9999-01-01' is not a
 * date as YYYY-MM-DD from 1900-01-01 to 2200-12-31") and pages show it next to the field.
 */
final class DateInput {

	private DateInput() {
	}

	/**
	 * Components, not bean methods: web slice tests pick them up as the application does.
	 */
	@Component
	static final class JsonDates extends SimpleModule {

		JsonDates() {
			super("accepted-dates");
			addDeserializer(LocalDate.class, new JsonDate());
		}

	}

	/**
	 * A date is a non-empty string only: Jackson alone also took an epoch-day number
	 * ({@code 20000}), an array ({@code [2026,11,2]}) and {@code ""} (as no date); then
	 * Jackson's own parsing, then the range.
	 */
	static final class JsonDate extends StdScalarDeserializer<LocalDate> {

		JsonDate() {
			super(LocalDate.class);
		}

		@Override
		public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
			}
			if (parser.getString().isBlank()) {
				throw InvalidFormatException.from(parser, AcceptedDates.DESCRIPTION, parser.getString(),
						LocalDate.class);
			}
			LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
			if (date != null && !AcceptedDates.contains(date)) {
				throw InvalidFormatException.from(parser, AcceptedDates.DESCRIPTION, date.toString(), LocalDate.class);
			}
			return date;
		}

	}

	/**
	 * {@code ?from=2026-11-02T00:00:00-05:00} (the audit log): Spring's own reading, then
	 * its day in UTC.
	 */
	@Component
	static final class ParameterInstant implements Converter<String, Instant> {

		private static final InstantFormatter SPRING = new InstantFormatter();

		@Override
		public Instant convert(String text) {
			if (text.isBlank()) {
				return null;
			}
			Instant instant;
			try {
				instant = SPRING.parse(text.strip(), Locale.ROOT);
			}
			catch (ParseException e) {
				throw new DateTimeParseException(e.getMessage(), text, e.getErrorOffset(), e);
			}
			if (!AcceptedDates.contains(LocalDate.ofInstant(instant, ZoneOffset.UTC))) {
				throw new DateTimeParseException(AcceptedDates.DESCRIPTION, text, 0);
			}
			return instant;
		}

	}

	/**
	 * {@code ?from=2026-01-01} and form fields; a blank value is no value, as Spring's
	 * own parser has it.
	 */
	@Component
	static final class ParameterDate implements Converter<String, LocalDate> {

		@Override
		public LocalDate convert(String text) {
			if (text.isBlank()) {
				return null;
			}
			LocalDate date = LocalDate.parse(text.strip());
			if (!AcceptedDates.contains(date)) {
				throw new DateTimeParseException(AcceptedDates.DESCRIPTION, text, 0);
			}
			return date;
		}

	}

}
