package org.iopscheduler.feed;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The calendar_feed table: one row per account with a feed, holding its token's hash. */
@Component
@RequiredArgsConstructor
class FeedStore {

	private final JdbcTemplate jdbc;

	/**
	 * The account's feed is now the one with this hash; any earlier one stops working.
	 */
	void replace(long accountId, String tokenHash, Instant at) {
		OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
		if (update(accountId, tokenHash, when) == 1) {
			return;
		}
		try {
			jdbc.update("insert into calendar_feed (account_id, token_hash, created_at) values (?, ?, ?)", accountId,
					tokenHash, when);
		}
		catch (DuplicateKeyException raced) {
			// another request of the same account inserted first: this one replaces it
			update(accountId, tokenHash, when);
		}
	}

	private int update(long accountId, String tokenHash, OffsetDateTime when) {
		return jdbc.update("update calendar_feed set token_hash = ?, created_at = ? where account_id = ?", tokenHash,
				when, accountId);
	}

	/** Whether there was a feed to revoke. */
	boolean delete(long accountId) {
		return jdbc.update("delete from calendar_feed where account_id = ?", accountId) > 0;
	}

	Optional<Long> ownerOf(String tokenHash) {
		List<Long> owners = jdbc.queryForList("select account_id from calendar_feed where token_hash = ?", Long.class,
				tokenHash);
		return owners.stream().findFirst();
	}

}
