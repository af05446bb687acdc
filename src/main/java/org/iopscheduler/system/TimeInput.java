package org.iopscheduler.system;

import java.time.LocalTime;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.stereotype.Component;

/**
 * Every local time of a JSON body (a block's or a make-up's start) is {@code HH:mm}.
 * Until this rule {@code 10:00:30} was taken and its seconds silently dropped, and
 * Jackson also read arrays ({@code [10,0]}) and numbers. Page forms keep their own
 * {@code @DateTimeFormat} (a browser's time field may send seconds).
 */
final class TimeInput {

	static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	private TimeInput() {
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

}
