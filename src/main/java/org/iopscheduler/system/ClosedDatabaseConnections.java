package org.iopscheduler.system;

import java.sql.SQLException;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to drop a connection to a database that H2 has closed (its
 * error 90098), as it does when a thread is interrupted during file I/O. H2 still calls
 * such a connection valid, so the pool kept handing out dead connections and every
 * request failed until a restart; dropped, they are replaced by new ones that open the
 * database file again. Any other error is judged as the pool always does (PostgreSQL's
 * lost connections are among its own). Named by
 * spring.datasource.hikari.exception-override-class-name.
 */
public class ClosedDatabaseConnections implements SQLExceptionOverride {

	/** H2's ErrorCode.DATABASE_IS_CLOSED, its SQL state too. */
	static final int H2_DATABASE_IS_CLOSED = 90098;

	@java.lang.Override
	public Override adjudicate(SQLException failure) {
		return failure.getErrorCode() == H2_DATABASE_IS_CLOSED
				&& String.valueOf(H2_DATABASE_IS_CLOSED).equals(failure.getSQLState()) ? Override.MUST_EVICT
						: Override.CONTINUE_EVICT;
	}

}
