package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The one reading of If-Match (RFC 9110 13.1.1) and the one check of it. */
class IfMatchTest {

	private static final String V3 = IfMatch.etag(3, "as loaded");

	private static final String V5 = IfMatch.etag(5, "as it is now");

	@Test
	void anAbsentHeaderOrAStarLetsAnyVersionThrough() {
		IfMatch.check(null, r -> "program 1", r -> V5, r -> "").accept("record");
		IfMatch.check(IfMatch.parse("*"), r -> "program 1", r -> V5, r -> "").accept("record");
		IfMatch.check(IfMatch.parse(" * "), r -> "program 1", r -> V5, r -> "").accept("record");
	}

	@Test
	void anyListedTagThatIsTheCurrentOneMatches() {
		assertThat(IfMatch.parse("\"0-00000000\", " + V5).matches(V5)).isTrue();
		assertThat(IfMatch.parse(V5 + ",\"x\"").matches(V5)).isTrue();
		assertThat(IfMatch.parse(V3).matches(V5)).isFalse();
	}

	@Test
	void aWeakTagNeverMatchesBecauseIfMatchComparesStrongly() {
		assertThat(IfMatch.parse("W/" + V5).matches(V5)).isFalse();
	}

	@Test
	void aStaleTagIsAPreconditionFailureNamingBothVersionsAndWhatTheRecordReadsNow() {
		assertThatThrownBy(() -> IfMatch
			.check(IfMatch.parse(V3), r -> "enrollment 7", r -> V5, r -> "the plan from 2026-12-07: blocks [3, 4]")
			.accept("record")).isInstanceOf(StaleVersion.class)
			.hasMessageStartingWith("If-Match: this enrollment 7 was changed after you loaded it (version 3, now 5)")
			.hasMessageContaining("it now reads: the plan from 2026-12-07: blocks [3, 4]");
	}

	@Test
	void theSameVersionWithAnotherDigestSaysWhatItShowsChanged() {
		String sameVersion = IfMatch.etag(5, "as loaded");
		assertThatThrownBy(
				() -> IfMatch.check(IfMatch.parse(sameVersion), r -> "block 2", r -> V5, r -> "now").accept("record"))
			.hasMessageContaining("version 5 both, but what it shows has changed since");
	}

	@Test
	void aTagIsStrongAndChangesWithTheVersionOrTheRepresentation() {
		assertThat(V3).matches("\"3-[0-9a-f]{8}\"");
		assertThat(IfMatch.etag(3, "as loaded")).isEqualTo(V3);
		assertThat(IfMatch.etag(4, "as loaded")).isNotEqualTo(V3);
		assertThat(IfMatch.etag(3, "changed")).isNotEqualTo(V3);
	}

	@Test
	void aHeaderThatIsNotAStarOrQuotedTagsIsInvalidInput() {
		for (String bad : List.of("", " ", "5", "\"5", "W/5", "\"a\" \"b\"", "\"5\",", ",", "*, \"5\"", "'5'",
				"\"a\"b\"")) {
			assertThatThrownBy(() -> IfMatch.parse(bad)).as("If-Match: " + bad)
				.isInstanceOf(InvalidInput.class)
				.hasMessageStartingWith("If-Match:");
		}
	}

}
