package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;

import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import org.junit.jupiter.api.Test;

/** The exports' one CSV writer: RFC 4180 lines a spreadsheet reads back as written. */
class CsvTest {

	static String write(List<?>... rows) {
		StringWriter out = new StringWriter();
		try (SequenceWriter writer = Csv.rows(out, List.of("id", "participant", "minutes"))) {
			for (List<?> row : rows) {
				writer.write(row);
			}
		}
		return out.toString();
	}

	static List<List<String>> read(String csv) {
		CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
		try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv)) {
			return rows.readAll();
		}
	}

	@Test
	void aCellWithACommaAQuoteAndANewlineRoundTripsThroughTheParser() {
		String name = "Carter, \"Pat\"\nsecond line";
		String csv = write(List.of(7, Csv.text(name), 180));
		assertThat(read(csv)).containsExactly(List.of("id", "participant", "minutes"), List.of("7", name, "180"));
	}

	@Test
	void aHeaderThenOneCrlfLinePerRowQuotedOnlyWhereNeeded() {
		assertThat(write(List.of(1, Csv.text("Pat Carter with a rather long name"), 0), List.of(2, Csv.text(null), 90)))
			.isEqualTo("id,participant,minutes\r\n1,Pat Carter with a rather long name,0\r\n2,,90\r\n");
	}

	@Test
	void textASpreadsheetWouldRunAsAFormulaStaysText() {
		for (String formula : List.of("=HYPERLINK(\"x\")", "+1", "-1", "@SUM(A1)", "\tx")) {
			assertThat(Csv.text(formula)).isEqualTo("'" + formula);
		}
		assertThat(Csv.text("Pat = Carter")).isEqualTo("Pat = Carter");
	}

}
