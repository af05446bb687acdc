package org.iopscheduler.system;

import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The one way the service writes CSV: Jackson's CSV module, a header line, CRLF after
 * every line, RFC 4180 quotes only where a cell needs them. Each row is a list of cells
 * in the header's order (numbers, or text made with {@link #text}).
 */
public final class Csv {

	private static final CsvMapper MAPPER = CsvMapper.builder()
		// quote only cells with a comma, quote or line break (not every long one)
		.enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING)
		// a streamed export of 20,000 rows is flushed by its buffer, not once a row
		.disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
		.disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
		.build();

	private Csv() {
	}

	/** Writes the header at once; every {@code write(row)} then adds one line. */
	public static SequenceWriter rows(Writer out, List<String> header) {
		return MAPPER.writer(schema(header)).writeValues(out);
	}

	/** The same, in UTF-8 on a stream. */
	public static SequenceWriter rows(OutputStream out, List<String> header) {
		return MAPPER.writer(schema(header)).writeValues(out);
	}

	/**
	 * Free text as a cell: empty for none, and a leading quote mark for text a
	 * spreadsheet would run as a formula (a name typed as "=HYPERLINK(...)" must stay a
	 * name). The library quotes; it does not know spreadsheets.
	 */
	public static String text(String text) {
		if (text == null) {
			return "";
		}
		return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
	}

	private static CsvSchema schema(List<String> header) {
		return CsvSchema.builder()
			.addColumns(header, CsvSchema.ColumnType.STRING)
			.setUseHeader(true)
			.setLineSeparator("\r\n")
			.build();
	}

}
