package org.iopscheduler.bench;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * One table's inserts as JDBC batches: values are set column by column with typed setters
 * (no boxing, no per-row arrays), a full batch is sent and committed, so no transaction
 * grows large.
 */
final class Rows implements AutoCloseable {

	private final Connection connection;

	private final PreparedStatement statement;

	private final int batchSize;

	/**
	 * Rows this table's rows refer to: sent first, so a commit never holds a row without
	 * its parent.
	 */
	private final Rows parent;

	private int column;

	private int pending;

	private long written;

	Rows(Connection connection, String sql, int batchSize) throws SQLException {
		this(connection, sql, batchSize, null);
	}

	Rows(Connection connection, String sql, int batchSize, Rows parent) throws SQLException {
		this.connection = connection;
		this.statement = connection.prepareStatement(sql);
		this.batchSize = batchSize;
		this.parent = parent;
	}

	Rows id(long value) throws SQLException {
		statement.setLong(++column, value);
		return this;
	}

	Rows id(Long value) throws SQLException {
		if (value == null) {
			statement.setNull(++column, Types.BIGINT);
			return this;
		}
		return id(value.longValue());
	}

	Rows number(int value) throws SQLException {
		statement.setInt(++column, value);
		return this;
	}

	Rows text(String value) throws SQLException {
		if (value == null) {
			statement.setNull(++column, Types.VARCHAR);
		}
		else {
			statement.setString(++column, value);
		}
		return this;
	}

	Rows date(LocalDate value) throws SQLException {
		if (value == null) {
			statement.setNull(++column, Types.DATE);
		}
		else {
			statement.setDate(++column, Date.valueOf(value));
		}
		return this;
	}

	Rows time(LocalTime value) throws SQLException {
		statement.setTime(++column, Time.valueOf(value));
		return this;
	}

	Rows instant(Instant value) throws SQLException {
		statement.setTimestamp(++column, Timestamp.from(value));
		return this;
	}

	/** The row is complete; a full batch goes to the database and is committed. */
	void add() throws SQLException {
		statement.addBatch();
		column = 0;
		if (++pending == batchSize) {
			flush();
		}
	}

	void flush() throws SQLException {
		if (parent != null) {
			parent.flush();
		}
		if (pending > 0) {
			statement.executeBatch();
			connection.commit();
			written += pending;
			pending = 0;
		}
	}

	long written() {
		return written;
	}

	@Override
	public void close() throws SQLException {
		flush();
		statement.close();
	}

}
