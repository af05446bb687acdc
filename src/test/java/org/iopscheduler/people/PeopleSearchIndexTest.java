package org.iopscheduler.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The people search stays fast with 20,000 participants: the database answers it from the
 * V9 indexes, not by reading every account. On PostgreSQL the plan is asked with EXPLAIN
 * (the suite runs there with scripts/postgres-tests.sh); on H2 its EXPLAIN names the
 * index it reads.
 */
@SpringBootTest(properties = { "iop.demo-data=false", "iop.bootstrap-coordinator=" })
class PeopleSearchIndexTest {

	static final String SEARCH = "select id from account where role = 'PARTICIPANT' and (name_key like 'quil%' "
			+ "escape '!' or surname_key like 'quil%' escape '!' or username_key like 'quil%' escape '!')";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	People people;

	@Test
	void findingParticipantsAmongTwentyThousandReadsTheSearchIndexesNotEveryAccount() {
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.parse("2026-11-25T12:00:00Z"));
		for (int i = 0; i < 20_000; i++) {
			String name = "Person" + i + " Family" + (i % 997);
			String username = "bulk." + i;
			rows.add(new Object[] { username, name, now });
		}
		// the search keys are the database's to compute
		jdbc.batchUpdate("insert into account (username, password_hash, full_name, role, date_of_birth, created_at) "
				+ "values (?, 'x', ?, 'PARTICIPANT', date '1990-01-01', ?)", rows);
		assertThat(
				jdbc.queryForMap("select name_key, surname_key, username_key from account where username = 'bulk.1'"))
			.as("keys the database computed for a row written without them")
			.containsValues("person1 family1", "family1", "bulk.1");
		people.createParticipant("dquill", "password1", "Dana Quillfeather", java.time.LocalDate.of(1990, 1, 1));

		String database = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
		String plan;
		if ("PostgreSQL".equals(database)) {
			jdbc.execute("analyze account");
			plan = String.join("\n", jdbc.queryForList("explain " + SEARCH, String.class));
			assertThat(plan).as(plan).doesNotContain("Seq Scan").contains("ix_account_surname_key");
		}
		else {
			plan = jdbc.queryForObject("explain " + SEARCH, String.class);
			assertThat(plan.toLowerCase()).as(plan)
				.containsAnyOf("ix_account_name_key", "ix_account_surname_key", "ix_account_username_key");
		}
		assertThat(people.findParticipants("QUILL", 0, 10)).extracting(Account::getFullName)
			.containsExactly("Dana Quillfeather");
	}

}
