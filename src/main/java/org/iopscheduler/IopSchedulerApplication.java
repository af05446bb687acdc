package org.iopscheduler;

import org.iopscheduler.bench.DataGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IopSchedulerApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(IopSchedulerApplication.class);
		if (DataGenerator.requested(args)) {
			// --iop.generate.seed=N: migrate, write the benchmark's data, exit; no web
			// server
			application.setWebApplicationType(WebApplicationType.NONE);
			System.exit(SpringApplication.exit(application.run(args)));
		}
		application.run(args);
	}

}
