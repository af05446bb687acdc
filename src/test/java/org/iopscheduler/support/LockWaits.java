package org.iopscheduler.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Future;

import javax.sql.DataSource;

/**
 * Lets a concurrency test know, without sleeping, that another thread has reached a row
 * lock: it asks the database (H2 or PostgreSQL) whether any of its sessions is waiting
 * for one.
 */
public final class LockWaits {

	private LockWaits() {
	}

	/**
	 * Returns once the task is done or some session waits for a lock; fails after the
	 * limit.
	 */
	public static void untilDoneOrWaitingForALock(Future<?> task, DataSource dataSource, Duration limit) {
		long deadline = System.nanoTime() + limit.toNanos();
		try (Connection connection = dataSource.getConnection()) {
			String sql = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")
					? "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'"
					: "select count(*) from information_schema.sessions where blocker_id is not null";
			while (!task.isDone() && !anyWaiting(connection, sql)) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("the other thread neither finished nor waited for a lock within " + limit);
				}
				Thread.onSpinWait();
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean anyWaiting(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1) > 0;
		}
	}

}
