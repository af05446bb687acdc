package org.iopscheduler.audit.web;

import static org.iopscheduler.audit.AuditAction.ADD_MAKE_UP;
import static org.iopscheduler.audit.AuditAction.CHANGE_PLAN;
import static org.iopscheduler.audit.AuditAction.CREATE_PARTICIPANT;
import static org.iopscheduler.audit.AuditAction.DISCHARGE;
import static org.iopscheduler.audit.AuditAction.ENROL;
import static org.iopscheduler.audit.AuditAction.EXPORT_DOSAGE;
import static org.iopscheduler.audit.AuditAction.MARK_ATTENDANCE;
import static org.iopscheduler.audit.AuditAction.READ_ATTENDANCE;
import static org.iopscheduler.audit.AuditAction.READ_ATTENDANCE_HISTORY;
import static org.iopscheduler.audit.AuditAction.READ_DOSAGE;
import static org.iopscheduler.audit.AuditAction.READ_ENROLLMENTS;
import static org.iopscheduler.audit.AuditAction.READ_PARTICIPANT;
import static org.iopscheduler.audit.AuditAction.READ_SCHEDULE;
import static org.iopscheduler.audit.web.AuditedRequests.Whose.BODY_IDS;
import static org.iopscheduler.audit.web.AuditedRequests.Whose.BODY_PARTICIPANTS;
import static org.iopscheduler.audit.web.AuditedRequests.Whose.CALLER;
import static org.iopscheduler.audit.web.AuditedRequests.Whose.MANY;
import static org.iopscheduler.audit.web.AuditedRequests.Whose.PATH_ID;
import static org.iopscheduler.audit.web.AuditedRequests.Whose.PATH_PARTICIPANT_ID;

import java.util.List;
import java.util.Optional;

import org.iopscheduler.audit.AuditAction;

/**
 * The API requests that read or change a participant's records, keyed on their request
 * mapping, and where each names its participants. A test checks that every mapping about
 * participants is listed here (or deliberately left out) and that no line outlives its
 * mapping.
 */
final class AuditedRequests {

	/** Where a request's participants are named. */
	enum Whose {

		/** the {participantId} path variable */
		PATH_PARTICIPANT_ID,
		/** the {id} path variable */
		PATH_ID,
		/** the signed-in participant */
		CALLER,
		/** every participantId and participantIds in the response */
		BODY_PARTICIPANTS,
		/** the id of the response, or of each item in it */
		BODY_IDS,
		/** many at once, not listed (an export): one line without a participant */
		MANY

	}

	record Rule(String method, String pattern, AuditAction action, Whose whose) {
	}

	static final List<Rule> RULES = List.of(new Rule("GET", "/api/participants", READ_PARTICIPANT, BODY_IDS),
			new Rule("GET", "/api/participants/{id}", READ_PARTICIPANT, PATH_ID),
			new Rule("POST", "/api/participants", CREATE_PARTICIPANT, BODY_IDS),
			new Rule("GET", "/api/participants/{participantId}/schedule", READ_SCHEDULE, PATH_PARTICIPANT_ID),
			new Rule("GET", "/api/me/schedule", READ_SCHEDULE, CALLER),
			new Rule("GET", "/api/participants/{participantId}/dosage", READ_DOSAGE, PATH_PARTICIPANT_ID),
			new Rule("GET", "/api/me/dosage", READ_DOSAGE, CALLER),
			new Rule("GET", "/api/programs/{programId}/dosage", READ_DOSAGE, BODY_PARTICIPANTS),
			new Rule("GET", "/api/programs/{programId}/dosage.csv", EXPORT_DOSAGE, MANY),
			// streamed, so recorded by the controller through StreamedAudit before the
			// first row
			new Rule("GET", "/api/dosage", READ_DOSAGE, MANY), new Rule("GET", "/api/dosage.csv", EXPORT_DOSAGE, MANY),
			new Rule("GET", "/api/participants/{participantId}/enrollments", READ_ENROLLMENTS, PATH_PARTICIPANT_ID),
			new Rule("GET", "/api/programs/{programId}/enrollments", READ_ENROLLMENTS, BODY_PARTICIPANTS),
			new Rule("GET", "/api/enrollments/{id}", READ_ENROLLMENTS, BODY_PARTICIPANTS),
			new Rule("GET", "/api/sessions/{sessionId}/attendance", READ_ATTENDANCE, BODY_PARTICIPANTS),
			new Rule("GET", "/api/sessions/{sessionId}/attendance/history", READ_ATTENDANCE_HISTORY, BODY_PARTICIPANTS),
			new Rule("POST", "/api/programs/{programId}/enrollments", ENROL, BODY_PARTICIPANTS),
			new Rule("PUT", "/api/enrollments/{id}/blocks", CHANGE_PLAN, BODY_PARTICIPANTS),
			new Rule("POST", "/api/enrollments/{id}/discharge", DISCHARGE, BODY_PARTICIPANTS),
			new Rule("PUT", "/api/sessions/{sessionId}/attendance/{participantId}", MARK_ATTENDANCE,
					PATH_PARTICIPANT_ID),
			new Rule("POST", "/api/sessions/{sessionId}/make-ups", ADD_MAKE_UP, BODY_PARTICIPANTS));

	private AuditedRequests() {
	}

	static Optional<Rule> find(String method, String pattern) {
		return RULES.stream().filter(r -> r.method().equals(method) && r.pattern().equals(pattern)).findFirst();
	}

}
