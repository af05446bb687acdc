package org.iopscheduler.system;

import java.util.Map;
import java.util.Optional;

/**
 * How a module names its ids in a refusal's facts, for the pages: people name person ids
 * ("Dana Whitfield"), the calendar names blocks ("Process group, Mondays 18:00-21:00")
 * and sessions. Declared here so the kernel can word any refusal without depending on the
 * modules that know the names.
 */
public interface FactWords {

	/**
	 * @param fact the fact's name ({@code counselorId})
	 * @param value its value as the refusal carries it
	 * @param facts all facts of the refusal (a block is named as it stood on their date)
	 * @return the words, or empty when this module does not name that fact
	 */
	Optional<String> words(String fact, Object value, Map<String, Object> facts);

}
