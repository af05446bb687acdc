package org.iopscheduler.system;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Every local time a client sends (a block's or a make-up's start) is {@code HH:mm}, in JSON bodies
 * and in page forms alike. Until this rule {@code 10:00:30} was taken and its seconds silently dropped,
 * and Jackson also read arrays ({@code [10,0]}) and numbers.
 */
final class TimeInput {

	static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	private TimeInput() {
	}

	static LocalTime parse(String text) {
		if (!HH_MM.matcher(text).matches()) {
			throw new DateTimeParseException("a time of day as HH:mm", text, 0);
		}
		return LocalTime.parse(text);
	}

	@Component
	static final class JsonTimes extends SimpleModule {

		JsonTimes() {
			super("hh-mm-times");
			addDeserializer(LocalTime.class, new JsonTime());
		}

	}

	static final class JsonTime extends StdScalarDeserializer<LocalTime> {

		JsonTime() {
			super(LocalTime.class);
		}

		@Override
		public LocalTime deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return (LocalTime) context.handleUnexpectedToken(LocalTime.class, parser);
			}
			String text = parser.getString();
			if (!HH_MM.matcher(text).matches()) {
				throw InvalidFormatException.from(parser, "a time of day as HH:mm", text, LocalTime.class);
			}
			return LocalTime.parse(text);
		}

	}

	/** Form fields; a blank value is no value, as Spring's own parser has it. */
	@Component
	static final class ParameterTime implements Converter<String, LocalTime> {

		@Override
		public LocalTime convert(String text) {
			return text.isBlank() ? null : parse(text.strip());
		}

	}

}
