package org.iopscheduler.dose;

import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

import tools.jackson.databind.SequenceWriter;

/**
 * The dose exports' name for {@link org.iopscheduler.system.Csv}, which now lives in the
 * shared kernel so the audit log exports the same way (it cannot use this module: dose
 * depends on audit). Kept so branches written against it still build; use the system one.
 */
public final class Csv {

	private Csv() {
	}

	public static SequenceWriter rows(Writer out, List<String> header) {
		return org.iopscheduler.system.Csv.rows(out, header);
	}

	public static SequenceWriter rows(OutputStream out, List<String> header) {
		return org.iopscheduler.system.Csv.rows(out, header);
	}

	public static String text(String text) {
		return org.iopscheduler.system.Csv.text(text);
	}

}
