package org.iopscheduler.audit;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface AuditEventRepository extends Repository<AuditEvent, Long> {

	@Query("""
			select e from AuditEvent e
			where (:participantId is null or e.participantId = :participantId)
			  and (:actorId is null or e.actorId = :actorId)
			  and e.occurredAt >= :from and e.occurredAt < :to""")
	Page<AuditEvent> search(Long participantId, Long actorId, Instant from, Instant to, Pageable page);

}
