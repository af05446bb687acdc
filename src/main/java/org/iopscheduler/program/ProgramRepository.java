package org.iopscheduler.program;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramRepository extends JpaRepository<Program, Long> {

	List<Program> findAllByOrderByName();

}
