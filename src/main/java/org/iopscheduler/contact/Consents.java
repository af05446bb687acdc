package org.iopscheduler.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.validation.Validator;

import org.iopscheduler.people.People;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A participant's consents to be contacted. Giving one on a channel replaces the active
 * one (which is withdrawn by the same account at the same instant); withdrawing ends it.
 * Rows are never deleted: the history says who allowed what, when.
 */
@Service
public class Consents {

	private static final String COLUMNS = "id, participant_id, channel, address, given_at, given_by, withdrawn_at,"
			+ " withdrawn_by";

	private final NamedParameterJdbcTemplate jdbc;

	private final People people;

	private final Clock clock;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	Consents(DataSource dataSource, People people, Clock clock, Validator validator, ApplicationEventPublisher events) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.people = people;
		this.clock = clock;
		this.validator = validator;
		this.events = events;
	}

	/** Every consent of the participant, active and withdrawn, newest first. */
	@Transactional(readOnly = true)
	public List<Consent> of(long participantId) {
		people.get(participantId);
		return jdbc.query(
				"select " + COLUMNS + " from contact_consent where participant_id = :participant"
						+ " order by given_at desc, id desc",
				new MapSqlParameterSource("participant", participantId), Consents::consent);
	}

	/** The active consent of each channel that has one. */
	@Transactional(readOnly = true)
	public Map<ContactChannel, Consent> current(long participantId) {
		Map<ContactChannel, Consent> current = new EnumMap<>(ContactChannel.class);
		of(participantId).stream().filter(Consent::active).forEach(c -> current.put(c.channel(), c));
		return current;
	}

	/** The address to use now on that channel, if the participant allows it. */
	@Transactional(readOnly = true)
	public Optional<String> activeAddress(long participantId, ContactChannel channel) {
		return active(participantId, channel, false).map(Consent::address);
	}

	/**
	 * Records the participant's consent to be contacted at this address; the same address
	 * again changes nothing.
	 */
	@Transactional
	public Consent give(long participantId, ContactChannel channel, String address, long givenBy) {
		people.get(participantId);
		String checked = ContactAddress.checked(channel, address, validator);
		Optional<Consent> current = active(participantId, channel, true);
		if (current.isPresent() && current.get().address().equals(checked)) {
			return current.get();
		}
		Instant now = clock.instant();
		current.ifPresent(c -> end(c, givenBy, now));
		MapSqlParameterSource row = new MapSqlParameterSource().addValue("participant", participantId)
			.addValue("channel", channel.name())
			.addValue("address", checked)
			.addValue("at", utc(now))
			.addValue("by", givenBy);
		jdbc.update("insert into contact_consent (participant_id, channel, address, given_at, given_by, active)"
				+ " values (:participant, :channel, :address, :at, :by, 'Y')", row);
		return active(participantId, channel, false).orElseThrow();
	}

	/**
	 * Ends the participant's consent on that channel; nothing waiting for them there is
	 * sent. Answers whether there was one to end.
	 */
	@Transactional
	public boolean withdraw(long participantId, ContactChannel channel, long withdrawnBy) {
		people.get(participantId);
		Optional<Consent> current = active(participantId, channel, true);
		current.ifPresent(c -> end(c, withdrawnBy, clock.instant()));
		events.publishEvent(new ConsentWithdrawn(participantId, channel));
		return current.isPresent();
	}

	private void end(Consent consent, long by, Instant at) {
		jdbc.update("update contact_consent set withdrawn_at = :at, withdrawn_by = :by, active = null where id = :id",
				new MapSqlParameterSource().addValue("at", utc(at)).addValue("by", by).addValue("id", consent.id()));
	}

	/**
	 * The active consent; under its row lock when {@code hold}, so two changes of the
	 * same consent take turns (a second one racing to insert meets the unique key).
	 */
	private Optional<Consent> active(long participantId, ContactChannel channel, boolean hold) {
		return jdbc.query(
				"select " + COLUMNS + " from contact_consent where participant_id = :participant"
						+ " and channel = :channel and active = 'Y'" + (hold ? " for update" : ""),
				new MapSqlParameterSource().addValue("participant", participantId).addValue("channel", channel.name()),
				Consents::consent)
			.stream()
			.findFirst();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Consent consent(ResultSet rs, int row) throws SQLException {
		OffsetDateTime withdrawn = rs.getObject("withdrawn_at", OffsetDateTime.class);
		long withdrawnBy = rs.getLong("withdrawn_by");
		return new Consent(rs.getLong("id"), rs.getLong("participant_id"),
				ContactChannel.valueOf(rs.getString("channel")), rs.getString("address"),
				rs.getObject("given_at", OffsetDateTime.class).toInstant(), rs.getLong("given_by"),
				withdrawn == null ? null : withdrawn.toInstant(), rs.wasNull() ? null : withdrawnBy);
	}

}
