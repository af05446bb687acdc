package org.iopscheduler.system;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

/**
 * A pool of 3 behind a gate that keeps 1: two threads may hold a first connection, and a
 * thread holding one always gets a second.
 */
class ConnectionGateTest {

	final FakePool pool = new FakePool(3);

	final ConnectionGate gate = new ConnectionGate(pool, 3, 1, Duration.ofMillis(1));

	final ExecutorService other = Executors.newSingleThreadExecutor();

	@AfterEach
	void stop() {
		other.shutdownNow();
	}

	@Test
	void aThreadHoldingAConnectionTakesItsSecondFromTheReserveWhenEveryPlaceIsTaken() throws Exception {
		Connection mine = gate.getConnection();
		Connection others = other.submit(() -> gate.getConnection()).get();

		Connection nested = gate.getConnection();

		assertThat(nested).isNotNull();
		assertThat(pool.free()).isZero();
		nested.close();
		others.close();
		mine.close();
		assertThat(pool.free()).isEqualTo(3);
	}

	@Test
	void aThreadsFirstConnectionWaitsForAPlaceAndNeverTakesTheReserve() throws Exception {
		Connection mine = gate.getConnection();
		Connection second = other.submit(() -> gate.getConnection()).get();
		other.submit(() -> {
			second.close();
			return null;
		}).get();
		Connection again = other.submit(() -> gate.getConnection()).get();

		assertAThirdThreadFindsNoPlace();
		assertThat(pool.free()).as("the reserve stays in the pool").isEqualTo(1);
		again.close();
		mine.close();
	}

	@Test
	void aConnectionClosedTwiceGivesItsPlaceBackOnce() throws Exception {
		Connection first = gate.getConnection();
		first.close();
		first.close();
		assertThat(first.isClosed()).isTrue();

		Connection a = other.submit(() -> gate.getConnection()).get();
		Connection b = gate.getConnection();
		assertAThirdThreadFindsNoPlace();
		a.close();
		b.close();
	}

	@Test
	void thePoolIsReachedThroughTheGate() throws SQLException {
		assertThat(gate.unwrap(FakePool.class)).isSameAs(pool);
		assertThat(gate.isWrapperFor(FakePool.class)).isTrue();
	}

	@Test
	void aFailedAcquisitionGivesItsPlaceBack() throws Exception {
		FakePool empty = new FakePool(0);
		ConnectionGate gated = new ConnectionGate(empty, 3, 1, Duration.ofMillis(1));
		for (int attempt = 0; attempt < 3; attempt++) {
			assertThatThrownBy(gated::getConnection).isInstanceOf(SQLException.class)
				.isNotInstanceOf(SQLTransientConnectionException.class);
		}
	}

	void assertAThirdThreadFindsNoPlace() {
		ExecutorService third = Executors.newSingleThreadExecutor();
		try {
			assertThatThrownBy(() -> {
				try {
					third.submit(() -> gate.getConnection()).get();
				}
				catch (ExecutionException e) {
					throw e.getCause();
				}
			}).isInstanceOf(SQLTransientConnectionException.class);
		}
		finally {
			third.shutdownNow();
		}
	}

	/** Hands out at most {@code size} connections and refuses, never waits, beyond. */
	static final class FakePool implements DataSource {

		private final Semaphore connections;

		FakePool(int size) {
			this.connections = new Semaphore(size);
		}

		int free() {
			return connections.availablePermits();
		}

		@Override
		public Connection getConnection() throws SQLException {
			if (!connections.tryAcquire()) {
				throw new SQLException("pool exhausted");
			}
			Connection connection = mock(Connection.class);
			try {
				org.mockito.Mockito.doAnswer(invocation -> {
					connections.release();
					return null;
				}).when(connection).close();
			}
			catch (SQLException impossible) {
				throw new IllegalStateException(impossible);
			}
			return connection;
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() {
			return Logger.getGlobal();
		}

		@Override
		public <T> T unwrap(Class<T> iface) throws SQLException {
			if (iface.isInstance(this)) {
				return iface.cast(this);
			}
			throw new SQLException("not a " + iface);
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) {
			return iface.isInstance(this);
		}

	}

}
