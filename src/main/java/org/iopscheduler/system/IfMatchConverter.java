package org.iopscheduler.system;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Lets controllers take {@code @RequestHeader("If-Match") IfMatch}: one parser for every
 * endpoint; a malformed header is a 400.
 */
@Component
class IfMatchConverter implements Converter<String, IfMatch> {

	@Override
	public IfMatch convert(String header) {
		return IfMatch.parse(header);
	}

}
