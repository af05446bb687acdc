package org.iopscheduler.system;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Keeps connections for transactions opened inside another: a thread's first connection
 * waits for one of the pool's places but {@code reserve}; a thread that already holds one
 * (sessions made on a first look, in their own transaction inside a request's) takes its
 * second from the reserve at once.
 * <p>
 * Without it a burst of first looks stalls: every pooled connection is held by a request
 * that waits for a second one, until the pool's time-out answers each with a 500. With it
 * at most {@code size - reserve} threads hold a first connection, so a second one is
 * always on its way back to the pool: work inside another transaction opens none again.
 */
public final class ConnectionGate extends DelegatingDataSource {

	private final Semaphore firsts;

	private final Duration wait;

	private final ThreadLocal<int[]> held = ThreadLocal.withInitial(() -> new int[1]);

	public ConnectionGate(DataSource pool, int size, int reserve, Duration wait) {
		super(pool);
		this.firsts = new Semaphore(Math.max(1, size - reserve), true);
		this.wait = wait;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return gated(null, null);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return gated(username, password);
	}

	private Connection gated(String username, String password) throws SQLException {
		int[] mine = held.get();
		boolean first = mine[0] == 0;
		if (first) {
			enter();
		}
		Connection connection;
		try {
			connection = username == null ? getTargetDataSource().getConnection()
					: getTargetDataSource().getConnection(username, password);
		}
		catch (SQLException | RuntimeException failed) {
			if (first) {
				firsts.release();
			}
			throw failed;
		}
		mine[0]++;
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new Returned(connection, mine, first));
	}

	private void enter() throws SQLException {
		try {
			if (!firsts.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new SQLTransientConnectionException(
						"no database connection free within " + wait.toMillis() + " ms");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new SQLTransientConnectionException("interrupted while waiting for a database connection", e);
		}
	}

	/** A connection that gives its place back when it is closed, once. */
	private final class Returned implements InvocationHandler {

		private final Connection connection;

		private final int[] holder;

		private final boolean first;

		private final AtomicBoolean closed = new AtomicBoolean();

		Returned(Connection connection, int[] holder, boolean first) {
			this.connection = connection;
			this.holder = holder;
			this.first = first;
		}

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "close" -> {
					if (closed.compareAndSet(false, true)) {
						try {
							connection.close();
						}
						finally {
							holder[0]--;
							if (first) {
								firsts.release();
							}
						}
					}
					return null;
				}
				case "isClosed" -> {
					return closed.get() || connection.isClosed();
				}
				case "unwrap" -> {
					return ((Class<?>) args[0]).isInstance(proxy) ? proxy : connection.unwrap((Class<?>) args[0]);
				}
				case "isWrapperFor" -> {
					return ((Class<?>) args[0]).isInstance(proxy) || connection.isWrapperFor((Class<?>) args[0]);
				}
				case "equals" -> {
					return proxy == args[0];
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				case "toString" -> {
					return "gated " + connection;
				}
				default -> {
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException e) {
						throw e.getTargetException();
					}
				}
			}
		}

	}

}
