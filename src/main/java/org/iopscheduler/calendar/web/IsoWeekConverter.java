package org.iopscheduler.calendar.web;

import org.iopscheduler.calendar.IsoWeek;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Lets controllers take {@code ?week=2026-W48} as an IsoWeek; a bad value is a 400 naming
 * the rule.
 */
@Component
class IsoWeekConverter implements Converter<String, IsoWeek> {

	@Override
	public IsoWeek convert(String text) {
		return IsoWeek.parse(text);
	}

}
