package org.iopscheduler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class IopSchedulerApplication {

	public static void main(String[] args) {
		SpringApplication.run(IopSchedulerApplication.class, args);
	}

}
