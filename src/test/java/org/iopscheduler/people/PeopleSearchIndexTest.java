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

	/**
	 * The people page's statement with a name and a status (ParticipantFinder's, with its
	 * values written in): the name's key ranges, then each found participant's
	 * enrollments by ix_enrollment_participant.
	 */
	static final String FILTERED = "select a.id, a.full_name, a.username, count(*) over () as total from account a"
			+ " where a.role = 'PARTICIPANT' and (a.name_key like 'quil%' escape '!' or a.surname_key like 'quil%'"
			+ " escape '!' or a.username_key like 'quil%' escape '!') and exists (select 1 from enrollment e"
			+ " where e.participant_id = a.id and e.start_date <= date '2026-11-25' and ((case when e.discharge_date"
			+ " is not null and (e.end_date is null or e.discharge_date < e.end_date) then e.discharge_date"
			+ " else e.end_date end) is null or (case when e.discharge_date is not null and (e.end_date is null"
			+ " or e.discharge_date < e.end_date) then e.discharge_date else e.end_date end) >= date '2026-11-25'))"
			+ " order by a.full_name, a.id offset 0 rows fetch next 100 rows only";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ParticipantSearch participantSearch;

	@Autowired
	org.iopscheduler.program.Programs programs;

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
		filteredSearchAmongTwentyThousandEnrolledReadsTheNameIndexesAndEachOnesEnrollments(database);
	}

	/** The same 20,000 participants, each enrolled: the status filter adds no scan. */
	void filteredSearchAmongTwentyThousandEnrolledReadsTheNameIndexesAndEachOnesEnrollments(String database) {
		long program = programs
			.create("Index " + System.nanoTime(), org.iopscheduler.program.Population.ADULT, "UTC", null)
			.getId();
		jdbc.update("insert into enrollment (program_id, participant_id, start_date, open_marker, created_at, version)"
				+ " select ?, id, date '2026-09-01', 1, created_at, 0 from account where username like 'bulk.%'",
				program);
		String plan;
		if ("PostgreSQL".equals(database)) {
			jdbc.execute("analyze account");
			jdbc.execute("analyze enrollment");
			plan = String.join("\n", jdbc.queryForList("explain " + FILTERED, String.class));
			assertThat(plan).as(plan)
				.doesNotContain("Seq Scan on account")
				.doesNotContain("Seq Scan on enrollment")
				.contains("ix_enrollment_participant");
		}
		else {
			plan = jdbc.queryForObject("explain " + FILTERED, String.class);
			assertThat(plan.toLowerCase()).as(plan)
				.containsAnyOf("ix_account_name_key", "ix_account_surname_key", "ix_account_username_key")
				// H2 may pick the foreign key's own index on participant_id: a look-up
				// too
				.containsPattern("/\\* public\\.[a-z_0-9]+: participant_id = a\\.id \\*/");
		}
		assertThat(participantSearch
			.find(new ParticipantSearch.Query("Family1", program, null, ParticipantSearch.Status.ENROLLED), 0, 5)
			.total()).isEqualTo(
					jdbc.queryForObject("select count(*) from account where surname_key like 'family1%'", Long.class));
	}

}
