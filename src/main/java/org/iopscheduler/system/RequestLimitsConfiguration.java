package org.iopscheduler.system;

import org.apache.catalina.core.StandardHost;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class RequestLimitsConfiguration {

	/** Tomcat's own refusals (before Spring is reached) answer with problem JSON too. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonFromTomcat() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			}
		});
	}

	/** Ahead of every other filter, Spring Security's included. */
	@Bean
	FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
			@Value("${iop.max-request-body:64KB}") DataSize maxRequestBody) {
		FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
				new RequestBodyLimit(maxRequestBody));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
