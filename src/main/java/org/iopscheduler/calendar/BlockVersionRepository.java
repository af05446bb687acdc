package org.iopscheduler.calendar;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BlockVersionRepository extends JpaRepository<BlockVersion, Long> {

	/**
	 * Every version a counselor facilitates, in any program, with that program's zone.
	 */
	@Query("""
			select v, p.timeZone, b.title from BlockVersion v join v.block b, org.iopscheduler.program.Program p
			where p.id = b.programId and v.counselorId = :counselorId""")
	List<Object[]> findByCounselorWithZone(long counselorId);

}
