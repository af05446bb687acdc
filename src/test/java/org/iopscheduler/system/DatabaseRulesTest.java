package org.iopscheduler.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;

import org.iopscheduler.program.ProgramZone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database holds the domain's rules too: a write that slips past the service still
 * fails.
 */
@DataJpaTest
@org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase(
		replace = org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase.Replace.NONE)
class DatabaseRulesTest {

	@Autowired
	JdbcTemplate jdbc;

	long coordinator;

	long participant;

	long program;

	long block;

	@BeforeEach
	void aProgramWithOneBlockAndOneParticipant() {
		jdbc.update(
				"insert into account (username, password_hash, full_name, role, created_at) values ('c', 'x', 'C', 'COORDINATOR', current_timestamp)");
		coordinator = jdbc.queryForObject("select id from account where username = 'c'", Long.class);
		jdbc.update(
				"insert into account (username, password_hash, full_name, role, date_of_birth, created_at) values ('p', 'x', 'P', 'PARTICIPANT', date '1990-01-01', current_timestamp)");
		participant = jdbc.queryForObject("select id from account where username = 'p'", Long.class);
		jdbc.update(
				"insert into program (name, population, time_zone, minimum_weekly_minutes, created_at) values ('P', 'ADULT', 'UTC', 540, current_timestamp)");
		program = jdbc.queryForObject("select max(id) from program", Long.class);
		jdbc.update(
				"insert into weekly_block (program_id, type, title, capacity, created_at) values (?, 'GROUP', 'G', 12, current_timestamp)",
				program);
		block = jdbc.queryForObject("select max(id) from weekly_block", Long.class);
	}

	@Test
	void usernamesAreUnique() {
		assertThatThrownBy(() -> jdbc.update(
				"insert into account (username, password_hash, full_name, role, created_at) values ('c', 'y', 'C2', 'COUNSELOR', current_timestamp)"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anAdultProgramsMinimumCannotBeBelowNineHours() {
		assertThatThrownBy(() -> jdbc.update("update program set minimum_weekly_minutes = 539 where id = ?", program))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	// one refused write per test: on PostgreSQL the first error aborts the test's
	// transaction

	@Test
	void aProgramsContactTitleIsNeutralByDefault() {
		assertThat(jdbc.queryForObject("select contact_title from program where id = ?", String.class, program))
			.isEqualTo("Appointment");
	}

	@Test
	void aProgramsContactTitleIsNeverBlank() {
		assertThatThrownBy(() -> jdbc.update("update program set contact_title = '  ' where id = ?", program))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aProgramsContactTitleIsAtMost80Characters() {
		assertThatThrownBy(
				() -> jdbc.update("update program set contact_title = ? where id = ?", "x".repeat(81), program))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aProgramMayShowNoClinicName() {
		assertThat(jdbc.update("update program set contact_clinic_name = null where id = ?", program)).isOne();
	}

	@Test
	void aProgramsClinicNameIsNeverEmpty() {
		assertThatThrownBy(() -> jdbc.update("update program set contact_clinic_name = '' where id = ?", program))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aProgramsClinicNameIsAtMost120Characters() {
		assertThatThrownBy(
				() -> jdbc.update("update program set contact_clinic_name = ? where id = ?", "x".repeat(121), program))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	int aFeed(long account, String hash) {
		return jdbc.update(
				"insert into calendar_feed (account_id, token_hash, created_at) values (?, ?, current_timestamp)",
				account, hash);
	}

	@Test
	void anAccountHasOneCalendarFeed() {
		aFeed(participant, "a".repeat(64));
		assertThatThrownBy(() -> aFeed(participant, "b".repeat(64)))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aTokenHashOpensOnlyOneCalendarFeed() {
		aFeed(participant, "a".repeat(64));
		assertThatThrownBy(() -> aFeed(coordinator, "a".repeat(64)))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aCalendarFeedKeepsOnlyATokensHash() {
		assertThatThrownBy(() -> aFeed(coordinator, "raw-token")).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anIndividualBlockHasOnePlace() {
		assertThatThrownBy(() -> jdbc.update(
				"insert into weekly_block (program_id, type, title, capacity, created_at) values (?, 'INDIVIDUAL', 'I', 2, current_timestamp)",
				program))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aBlockVersionLastsOneTo720Minutes() {
		assertThatThrownBy(() -> jdbc.update(
				"insert into block_version (block_id, day_of_week, start_time, duration_minutes, counselor_id, location_kind, location) values (?, 'MONDAY', time '09:00:00', 721, ?, 'ROOM', 'R')",
				block, coordinator))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aParticipantHasOneOpenEnrollmentPerProgram() {
		String open = "insert into enrollment (program_id, participant_id, start_date, open_marker, created_at) values (?, ?, date '2026-11-02', 1, current_timestamp)";
		jdbc.update(open, program, participant);
		assertThatThrownBy(() -> jdbc.update(open, program, participant))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anOpenEnrollmentMustBeMarkedOpen() {
		assertThatThrownBy(() -> jdbc.update(
				"insert into enrollment (program_id, participant_id, start_date, created_at) values (?, ?, date '2026-11-02', current_timestamp)",
				program, participant))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aParticipantHasOneMarkPerSession() {
		long session = aSession();
		String mark = "insert into attendance_mark (session_id, participant_id, status, minutes_attended, marked_by, marked_at) values (?, ?, 'PRESENT', 180, ?, current_timestamp)";
		jdbc.update(mark, session, participant, coordinator);
		assertThatThrownBy(() -> jdbc.update(mark, session, participant, coordinator))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aParticipantGivesNoticeOncePerSession() {
		long session = aSession();
		String notice = "insert into absence_notice (session_id, participant_id, given_at, via) values (?, ?, current_timestamp, 'LINK')";
		jdbc.update(notice, session, participant);
		assertThatThrownBy(() -> jdbc.update(notice, session, participant))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aNoticeComesByALinkOrSignedIn() {
		long session = aSession();
		assertThatThrownBy(() -> jdbc.update(
				"insert into absence_notice (session_id, participant_id, given_at, via) values (?, ?, current_timestamp, 'PHONE')",
				session, participant))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aCannotComeLinkIsStoredOnce() {
		long session = aSession();
		String link = "insert into cannot_come_link (token_hash, session_id, participant_id, created_at) values (?, ?, ?, current_timestamp)";
		String hash = "a".repeat(64);
		jdbc.update(link, hash, session, participant);
		assertThatThrownBy(() -> jdbc.update(link, hash, session, participant))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aCannotComeLinkKeepsAHashNotAToken() {
		long session = aSession();
		assertThatThrownBy(() -> jdbc.update(
				"insert into cannot_come_link (token_hash, session_id, participant_id, created_at) values (?, ?, ?, current_timestamp)",
				"plain-token", session, participant))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aBlockMakesOneSessionPerDate() {
		aSession();
		assertThatThrownBy(this::aSession).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void anAbsenceCountsNoMinutes() {
		long session = aSession();
		assertThatThrownBy(() -> jdbc.update(
				"insert into attendance_mark (session_id, participant_id, status, minutes_attended, marked_by, marked_at) values (?, ?, 'ABSENT', 30, ?, current_timestamp)",
				session, participant, coordinator))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	/**
	 * The database's share of the zone rule (V6): the obvious fixed-offset spellings, the
	 * service's too.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "+05:30", "-05:00", "Z", "GMT+5", "GMT+05:00", "UTC-05:00", "UTC+05:30", "UT-03:00", "UT",
			"Etc/GMT+5", "Etc/GMT-14", "SystemV/EST5", "EST", "MST", "HST" })
	void aProgramsZoneIsNeverAFixedOffset(String offset) {
		assertThatThrownBy(() -> jdbc.update("update program set time_zone = ? where id = ?", offset, program))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThat(ProgramZone.accepts(offset)).as("the service refuses it too").isFalse();
	}

	@Test
	void everyZoneTheServiceAcceptsTheDatabaseAcceptsToo() {
		List<String> accepted = ZoneId.getAvailableZoneIds().stream().filter(ProgramZone::accepts).sorted().toList();
		assertThat(accepted).hasSizeGreaterThan(400).contains("America/New_York", "America/Port-au-Prince", "UTC");
		for (String zone : accepted) {
			assertThat(jdbc.update("update program set time_zone = ? where id = ?", zone, program)).as(zone).isOne();
		}
	}

	@Test
	void aStoredWeekThatKeepsTheRulesIsAccepted() {
		assertThat(aStoredWeek("2026-11-16", 540, 360, 1, 120, 2, 2, "2026-11-18 18:00:00", "2026-11-20 18:00:00"))
			.isOne();
		assertThat(aStoredWeek("2026-11-23", 0, 0, 0, 0, 0, 0, null, null)).isOne();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3, 4 })
	void aStoredWeekCountsNothingBelowZero(int column) {
		int[] counts = { 540, 360, 1, 120, 2 };
		counts[column] = -1;
		assertThatThrownBy(
				() -> aStoredWeek("2026-11-16", counts[0], counts[1], counts[2], counts[3], 2, counts[4], null, null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aStoredWeekAttendsNoMoreMinutesThanScheduled() {
		assertThatThrownBy(() -> aStoredWeek("2026-11-16", 540, 541, 0, 0, 3, 3, null, null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aStoredWeekHasNoMoreMinutesToComeThanScheduled() {
		assertThatThrownBy(() -> aStoredWeek("2026-11-16", 540, 0, 0, 541, 0, 0, null, null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aStoredWeekHasAtMostSevenDaysAttended() {
		assertThatThrownBy(() -> aStoredWeek("2026-11-16", 2000, 1600, 0, 0, 8, 0, null, null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aStoredWeekHasNoMoreDaysOfThreeHoursThanDaysAttended() {
		assertThatThrownBy(() -> aStoredWeek("2026-11-16", 540, 540, 0, 0, 2, 3, null, null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-17", "2026-11-21", "2026-11-22" })
	void aStoredWeekIsNamedByItsMonday(String notAMonday) {
		assertThatThrownBy(() -> aStoredWeek(notAMonday, 540, 0, 0, 540, 0, 0, null, null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aStoredWeeksNextStartComesAfterItsLastStart() {
		assertThatThrownBy(
				() -> aStoredWeek("2026-11-16", 540, 0, 1, 360, 0, 0, "2026-11-18 18:00:00", "2026-11-18 18:00:00"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aReminderMayGoAQuarterOfAnHourToAWeekBeforeItsSession() {
		reminderSettings("21:00:00");
		assertThat(jdbc.update("insert into reminder_lead (program_id, lead_minutes) values (?, 15)", program))
			.isEqualTo(1);
		assertThat(jdbc.update("insert into reminder_lead (program_id, lead_minutes) values (?, 10080)", program))
			.isEqualTo(1);
	}

	@Test
	void aReminderGoesNoLessThanAQuarterOfAnHourBeforeItsSession() {
		reminderSettings("21:00:00");
		assertThatThrownBy(
				() -> jdbc.update("insert into reminder_lead (program_id, lead_minutes) values (?, 14)", program))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aReminderGoesNoMoreThanAWeekBeforeItsSession() {
		reminderSettings("21:00:00");
		assertThatThrownBy(
				() -> jdbc.update("insert into reminder_lead (program_id, lead_minutes) values (?, 10081)", program))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void quietHoursEndAtAnotherTimeThanTheyBegin() {
		assertThatThrownBy(() -> reminderSettings("08:00:00")).isInstanceOf(DataIntegrityViolationException.class);
	}

	int reminderSettings(String quietFrom) {
		return jdbc.update(
				"insert into reminder_settings (program_id, enabled, quiet_from, quiet_until) values (?, true, cast(? as time), time '08:00:00')",
				program, quietFrom);
	}

	@Test
	void aParticipantHasOneActiveConsentPerChannelAndAnyNumberWithdrawn() {
		assertThat(aConsent("SMS", "'Y'", null)).isEqualTo(1);
		assertThat(aConsent("SMS", "null", "current_timestamp")).isEqualTo(1);
		assertThat(aConsent("SMS", "null", "current_timestamp")).isEqualTo(1);
		assertThat(aConsent("EMAIL", "'Y'", null)).isEqualTo(1);
		assertThatThrownBy(() -> aConsent("SMS", "'Y'", null)).isInstanceOf(DataIntegrityViolationException.class);
	}

	// one refused write per test: on PostgreSQL the first error aborts the test's
	// transaction

	@Test
	void aWithdrawnConsentIsNotActive() {
		assertThatThrownBy(() -> aConsent("EMAIL", "'Y'", "current_timestamp"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aConsentNotWithdrawnIsActive() {
		assertThatThrownBy(() -> aConsent("EMAIL", "null", null)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aConsentIsForEmailOrSms() {
		assertThatThrownBy(() -> aConsent("FAX", "'Y'", null)).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aNotificationHasOneRowPerDedupeKey() {
		assertThat(aNotification("k", "PENDING", null)).isEqualTo(1);
		assertThatThrownBy(() -> aNotification("k", "PENDING", null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aSentNotificationHasItsSendingTime() {
		assertThat(aNotification("sent", "SENT", "current_timestamp")).isEqualTo(1);
		assertThatThrownBy(() -> aNotification("no time", "SENT", null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aNotificationNotSentHasNoSendingTime() {
		assertThatThrownBy(() -> aNotification("pending with time", "PENDING", "current_timestamp"))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aNotificationHasAKnownStatus() {
		assertThatThrownBy(() -> aNotification("lost", "LOST", null))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	int aConsent(String channel, String active, String withdrawnAt) {
		return jdbc.update("insert into contact_consent (participant_id, channel, address, given_at, given_by,"
				+ " withdrawn_at, withdrawn_by, active) values (?, ?, 'a@example.org', current_timestamp, ?, "
				+ withdrawnAt + ", " + (withdrawnAt == null ? "null" : String.valueOf(coordinator)) + ", " + active
				+ ")", participant, channel, coordinator);
	}

	int aNotification(String key, String status, String sentAt) {
		return jdbc.update("insert into notification (kind, channel, recipient_id, participant_id, dedupe_key, subject,"
				+ " body, due_at, status, attempts, next_attempt_at, sent_at, created_at) values ('REMINDER', 'EMAIL',"
				+ " ?, ?, ?, 'S', 'B', current_timestamp, ?, 0, current_timestamp, " + sentAt + ", current_timestamp)",
				participant, participant, key, status);
	}

	/** A stored week of an enrollment of the participant (made on first use). */
	int aStoredWeek(String monday, int scheduled, int attended, int unmarked, int stillToCome, int days,
			int daysOfThreeHours, String lastStarted, String nextStart) {
		List<Long> enrollments = jdbc.queryForList("select id from enrollment where participant_id = ?", Long.class,
				participant);
		if (enrollments.isEmpty()) {
			jdbc.update(
					"insert into enrollment (program_id, participant_id, start_date, open_marker, created_at) values (?, ?, date '2026-11-02', 1, current_timestamp)",
					program, participant);
			enrollments = jdbc.queryForList("select id from enrollment where participant_id = ?", Long.class,
					participant);
		}
		return jdbc.update(
				"insert into weekly_dose (enrollment_id, week_monday, program_id, participant_id, scheduled_minutes, attended_minutes, unmarked_sessions, still_to_come, days_attended, days_of_three_hours, last_started, next_start) values (?, cast(? as date), ?, ?, ?, ?, ?, ?, ?, ?, cast(? as timestamp), cast(? as timestamp))",
				enrollments.get(0), monday, program, participant, scheduled, attended, unmarked, stillToCome, days,
				daysOfThreeHours, lastStarted, nextStart);
	}

	/** A Monday 18:00 session of the block on 16 November 2026. */
	long aSession() {
		jdbc.update(
				"insert into dated_session (program_id, block_id, session_date, start_time, duration_minutes, type, title, counselor_id, location_kind, location, status, created_at) values (?, ?, date '2026-11-16', time '18:00:00', 180, 'GROUP', 'G', ?, 'ROOM', 'R', 'SCHEDULED', current_timestamp)",
				program, block, coordinator);
		return jdbc.queryForObject("select max(id) from dated_session", Long.class);
	}

}
