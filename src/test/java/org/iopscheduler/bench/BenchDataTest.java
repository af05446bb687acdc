package org.iopscheduler.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Date;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.iopscheduler.calendar.SessionMaker;
import org.iopscheduler.program.ProgramZone;
import org.iopscheduler.support.Api;
import org.iopscheduler.support.ApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * The benchmark's generator at a tiny size, in a database of its own (the property gives
 * this class its own application context): its data keeps the service's rules and the
 * service works on it.
 */
@TestPropertySource(properties = "iop.test.context=bench-data")
class BenchDataTest extends ApplicationTest {

	static final BenchData.Size TINY = new BenchData.Size(9, 12, 3, 2);

	static final String[] GENERATED = { "attendance_change", "attendance_mark", "dated_session",
			"enrollment_plan_block", "enrollment", "program_closure", "block_version", "weekly_block", "program" };

	@Autowired
	BenchData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	SessionMaker maker;

	BenchData.Counts counts;

	@BeforeEach
	void generateOnce() throws Exception {
		if (jdbc.queryForObject("select count(*) from program", Long.class) == 0) {
			data.generate(42, TINY);
		}
		counts = null;
	}

	@Test
	void theGeneratorsProgramsTakeOnlyZonesTheZoneRuleAccepts() {
		assertThat(BenchData.ZONES).allMatch(ProgramZone::accepts);
		assertThat(jdbc.queryForList("select distinct time_zone from program", String.class)).isNotEmpty()
			.allMatch(ProgramZone::accepts);
	}

	@Test
	void theSameSeedWritesTheSameRows() throws Exception {
		String first = digest();
		removeGenerated();
		counts = data.generate(42, TINY);
		assertThat(digest()).isEqualTo(first);
		assertThat(counts.programs()).isEqualTo(9);
		assertThat(counts.enrollments()).isEqualTo(9 * 12);
		assertThat(counts.sessions()).isEqualTo(9 * 15 * 5);
		assertThat(counts.marks()).isPositive().isEqualTo(counts.changes());

		removeGenerated();
		data.generate(43, TINY);
		assertThat(digest()).isNotEqualTo(first);
		removeGenerated();
		data.generate(42, TINY);
	}

	@Test
	void aDatabaseWithProgramsIsRefused() {
		assertThatThrownBy(() -> data.generate(42, TINY)).isInstanceOf(BenchData.AlreadyLoaded.class)
			.hasMessageContaining("already holds 9 program(s)");
	}

	@Test
	void noBlockHoldsMoreParticipantsThanItsCapacity() {
		assertThat(jdbc.queryForObject("""
				select count(*) from weekly_block b
				where b.capacity < (select count(*) from enrollment_plan_block p where p.block_id = b.id)""",
				Long.class))
			.isZero();
		assertThat(jdbc.queryForObject("select count(*) from enrollment_plan_block", Long.class))
			.isGreaterThan(9 * 12 * 2);
	}

	@Test
	void noCounselorFacilitatesTwoBlocksAtOnce() {
		List<Map<String, Object>> versions = jdbc.queryForList("""
				select v.block_id, v.counselor_id, v.day_of_week, v.start_time, v.duration_minutes
				from block_version v order by v.id""");
		assertThat(versions).hasSize(9 * 15);
		for (Map<String, Object> a : versions) {
			for (Map<String, Object> b : versions) {
				if (a.get("block_id").equals(b.get("block_id")) || !a.get("counselor_id").equals(b.get("counselor_id"))
						|| !a.get("day_of_week").equals(b.get("day_of_week"))) {
					continue;
				}
				LocalTime aStart = ((Time) a.get("start_time")).toLocalTime();
				LocalTime bStart = ((Time) b.get("start_time")).toLocalTime();
				boolean overlap = aStart.isBefore(bStart.plusMinutes(((Number) b.get("duration_minutes")).longValue()))
						&& bStart.isBefore(aStart.plusMinutes(((Number) a.get("duration_minutes")).longValue()));
				assertThat(overlap).as("blocks %s and %s", a.get("block_id"), b.get("block_id")).isFalse();
			}
		}
	}

	@Test
	void everyStartedSessionThatTookPlaceIsMarkedForEveryoneWhosePlanHasIt() {
		Instant now = clock.instant();
		Set<String> expected = new HashSet<>();
		for (Map<String, Object> row : jdbc.queryForList("""
				select s.id, s.session_date, s.start_time, p.time_zone, e.participant_id
				from dated_session s
				join program p on p.id = s.program_id
				join enrollment_plan_block pb on pb.block_id = s.block_id and pb.valid_from <= s.session_date
				  and (pb.valid_to is null or pb.valid_to > s.session_date)
				join enrollment e on e.id = pb.enrollment_id and e.start_date <= s.session_date
				  and e.end_date >= s.session_date
				where s.status = 'SCHEDULED'""")) {
			ZonedDateTime starts = ZonedDateTime.of(((Date) row.get("session_date")).toLocalDate(),
					((Time) row.get("start_time")).toLocalTime(), ZoneId.of((String) row.get("time_zone")));
			if (!starts.toInstant().isAfter(now)) {
				expected.add(row.get("id") + "/" + row.get("participant_id"));
			}
		}
		Set<String> marked = new HashSet<>(jdbc.query("select session_id, participant_id from attendance_mark",
				(rs, n) -> rs.getLong(1) + "/" + rs.getLong(2)));
		assertThat(marked).isNotEmpty().isEqualTo(expected);
		assertThat(jdbc.queryForObject("""
				select count(*) from attendance_mark m join dated_session s on s.id = m.session_id
				where s.status = 'CANCELLED' or m.marked_by <> s.counselor_id""", Long.class)).isZero();
	}

	@Test
	void everyMarkHasItsFirstHistoryRow() {
		long marks = jdbc.queryForObject("select count(*) from attendance_mark", Long.class);
		assertThat(jdbc.queryForObject("select count(*) from attendance_change", Long.class)).isEqualTo(marks);
		assertThat(jdbc.queryForObject("""
				select count(*) from attendance_mark m
				where not exists (select 1 from attendance_change c
				  where c.session_id = m.session_id and c.participant_id = m.participant_id
				    and c.old_status is null and c.old_minutes_attended is null and c.new_status = m.status
				    and c.new_minutes_attended = m.minutes_attended and c.changed_by = m.marked_by
				    and c.changed_at = m.marked_at)""", Long.class)).isZero();
	}

	@Test
	void theThanksgivingClosureCancelsTheDayInUsProgramsOnly() {
		assertThat(jdbc.queryForObject("select count(*) from program_closure", Long.class)).isEqualTo(8);
		assertThat(jdbc.queryForObject("""
				select count(*) from dated_session s join program_closure c on c.id = s.closure_id
				where s.status = 'CANCELLED' and s.cancel_reason = 'Program closed: Thanksgiving Day'
				  and s.session_date = c.closure_date""", Long.class)).isEqualTo(8 * 3);
		assertThat(jdbc.queryForObject("""
				select count(*) from dated_session s join program p on p.id = s.program_id
				where p.time_zone = 'Europe/London' and s.closure_id is not null""", Long.class)).isZero();
	}

	@Test
	void theSessionMakerFindsNothingMissingInTheGeneratedWeeks() {
		List<Long> programs = jdbc.queryForList("select id from program", Long.class);
		assertThat(maker.ensure(programs, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 12, 6))).isZero();
	}

	@Test
	void theServiceWorksOnTheDataWithTheBenchAccounts() {
		Api benchCoordinator = new Api(port, BenchData.COORDINATOR, BenchData.PASSWORD);
		long program = jdbc.queryForObject("select min(id) from program", Long.class);
		Api.Reply report = benchCoordinator.get("/api/programs/" + program + "/dosage?week=2026-W47");
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.json().get("participants").size()).isEqualTo(12);

		Api participant = new Api(port, "bench-p00001", BenchData.PASSWORD);
		assertThat(participant.get("/api/me/schedule").status()).isEqualTo(200);
		String hash = jdbc.queryForObject("select password_hash from account where username = 'bench-counselor-0001'",
				String.class);
		assertThat(passwordEncoder.matches(BenchData.PASSWORD, hash)).isTrue();
		// the identities were moved past the generated ids: the service's own inserts do
		// not collide
		assertThat(
				benchCoordinator
					.post("/api/programs",
							Api.body("name", "After the generator", "population", "ADULT", "timeZone",
									"America/Chicago"))
					.status())
			.isEqualTo(201);
		jdbc.update("delete from program where name = 'After the generator'");
	}

	@Test
	void adolescentsAreUnderEighteenAndAdultsOver() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("UTC"));
		for (Map<String, Object> row : jdbc.queryForList("""
				select distinct p.population, a.date_of_birth from account a
				join enrollment e on e.participant_id = a.id join program p on p.id = e.program_id""")) {
			LocalDate born = ((Date) row.get("date_of_birth")).toLocalDate();
			if (row.get("population").equals("ADOLESCENT")) {
				assertThat(born).isAfter(today.minusYears(18));
			}
			else {
				assertThat(born).isBefore(today.minusYears(18));
			}
		}
	}

	/** Every generated row but the password hashes (salted), in id order. */
	String digest() throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		for (String table : GENERATED) {
			for (Map<String, Object> row : jdbc.queryForList("select * from " + table + " order by id")) {
				digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
			}
		}
		for (Map<String, Object> row : jdbc.queryForList("""
				select id, username, full_name, role, date_of_birth, created_at from account
				where username like 'bench-%' order by id""")) {
			digest.update(row.toString().getBytes(StandardCharsets.UTF_8));
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	void removeGenerated() {
		// the stored weeks the generator counted refer to its enrollments
		jdbc.update("delete from weekly_dose");
		for (String table : GENERATED) {
			jdbc.update("delete from " + table);
		}
		jdbc.update("delete from account where username like 'bench-%'");
	}

}
