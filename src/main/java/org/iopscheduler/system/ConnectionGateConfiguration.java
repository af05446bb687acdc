package org.iopscheduler.system;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's connection pool behind a {@link ConnectionGate} that keeps two of its
 * connections for transactions opened inside another.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionGateConfiguration {

	/** A making transaction inside a request's, and the stored dose's clock. */
	static final int RESERVE = 2;

	@Bean
	static BeanPostProcessor connectionGate() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					return new ConnectionGate(pool, pool.getMaximumPoolSize(), RESERVE,
							Duration.ofMillis(pool.getConnectionTimeout()));
				}
				return bean;
			}
		};
	}

}
