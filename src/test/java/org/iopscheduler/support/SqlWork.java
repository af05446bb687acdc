package org.iopscheduler.support;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the work the application asks of the database, at the DataSource (so Hibernate,
 * JdbcTemplate and Flyway alike): the SQL statements executed, and the rows read from
 * every ResultSet. Import it into a test context; {@link #measure} runs something and
 * answers what it cost.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SqlWork {

	private static final AtomicLong STATEMENTS = new AtomicLong();

	private static final AtomicLong ROWS = new AtomicLong();

	private static final List<String> SQL = Collections.synchronizedList(new ArrayList<>());

	/**
	 * What one piece of work cost: statements executed (a batch counts once) and rows
	 * read.
	 */
	public record Cost(long statements, long rows, List<String> sql) {

		@Override
		public String toString() {
			return statements + " statements, " + rows + " rows read: " + String.join("\n  ", sql);
		}

	}

	public static Cost measure(Runnable work) {
		STATEMENTS.set(0);
		ROWS.set(0);
		SQL.clear();
		work.run();
		return new Cost(STATEMENTS.get(), ROWS.get(), List.copyOf(SQL));
	}

	@Bean
	static BeanPostProcessor countingDataSource() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof DataSource dataSource) || bean instanceof ProxyDataSource) {
					return bean;
				}
				return ProxyDataSourceBuilder.create(dataSource).name("counted").afterQuery((execution, queries) -> {
					if (queries.stream()
						.allMatch(q -> q.getQuery().contains("FROM SPRING_SESSION\nWHERE EXPIRY_TIME"))) {
						// the page sessions' cleanup timer, on its own thread: no
						// request's work
						return;
					}
					STATEMENTS.incrementAndGet();
					queries.forEach(q -> SQL.add("[" + execution.getElapsedTime() + " ms] " + q.getQuery()));
				}).proxyResultSet().methodListener(new net.ttddyy.dsproxy.listener.MethodExecutionListener() {

					@Override
					public void beforeMethod(net.ttddyy.dsproxy.listener.MethodExecutionContext context) {
					}

					@Override
					public void afterMethod(net.ttddyy.dsproxy.listener.MethodExecutionContext context) {
						if (context.getTarget() instanceof ResultSet && "next".equals(context.getMethod().getName())
								&& Boolean.TRUE.equals(context.getResult())) {
							ROWS.incrementAndGet();
						}
					}

				}).build();
			}

		};
	}

}
