package org.iopscheduler.attendance.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.attendance.AbsenceNotice;
import org.iopscheduler.attendance.AbsenceNotices;
import org.iopscheduler.attendance.Attendance;
import org.iopscheduler.attendance.AttendanceChange;
import org.iopscheduler.attendance.AttendanceMark;
import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.people.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Attendance")
@RestController
@RequiredArgsConstructor
class AttendanceController {

	private final Attendance attendance;

	private final AbsenceNotices absenceNotices;

	record MarkBody(@NotNull AttendanceStatus status, Integer minutesAttended, @Size(max = 1000) String note) {
	}

	/**
	 * {@code noticeGivenAt}: when the participant sent notice they could not come, if
	 * they did (added to the contract's fields, optional).
	 */
	record MarkView(Long sessionId, Long participantId, AttendanceStatus status, int minutesAttended, String note,
			Long markedBy, Instant markedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Instant noticeGivenAt) {

		static MarkView of(AttendanceMark m) {
			return of(m, null);
		}

		static MarkView of(AttendanceMark m, AbsenceNotice notice) {
			return new MarkView(m.getSessionId(), m.getParticipantId(), m.getStatus(), m.getMinutesAttended(),
					m.getNote(), m.getMarkedBy(), m.getMarkedAt(), notice == null ? null : notice.getGivenAt());
		}

	}

	record ChangeView(Long id, Long sessionId, Long participantId, AttendanceStatus oldStatus,
			Integer oldMinutesAttended, AttendanceStatus newStatus, int newMinutesAttended, String note, Long changedBy,
			Instant changedAt) {

		static ChangeView of(AttendanceChange c) {
			return new ChangeView(c.getId(), c.getSessionId(), c.getParticipantId(), c.getOldStatus(),
					c.getOldMinutesAttended(), c.getNewStatus(), c.getNewMinutesAttended(), c.getNote(),
					c.getChangedBy(), c.getChangedAt());
		}

	}

	@Operation(summary = "Mark a participant's attendance (coordinators, or the session's counselor)",
			description = "Idempotent: the same value again changes nothing. 422 before the session starts or once it is "
					+ "cancelled; 404 for a participant not on the roster; 403 for another counselor.")
	@ApiResponse(responseCode = "200", description = "The mark as it now stands")
	@ApiResponse(responseCode = "422", description = "The session has not started yet, or was cancelled")
	@Audited(value = AuditAction.MARK_ATTENDANCE, whose = Whose.PATH_PARTICIPANT_ID)
	@PutMapping("/api/sessions/{sessionId}/attendance/{participantId}")
	MarkView mark(@PathVariable long sessionId, @PathVariable long participantId, @Valid @RequestBody MarkBody body,
			@AuthenticationPrincipal SignedIn me) {
		return MarkView
			.of(attendance.mark(sessionId, participantId, body.status(), body.minutesAttended(), body.note(), me)
				.mark());
	}

	@Operation(summary = "The session's attendance as it stands: one mark per participant marked")
	@Audited(value = AuditAction.READ_ATTENDANCE, whose = Whose.IN_ANSWER)
	@GetMapping("/api/sessions/{sessionId}/attendance")
	List<MarkView> sheet(@PathVariable long sessionId) {
		List<AttendanceMark> marks = attendance.ofSession(sessionId);
		Map<Long, AbsenceNotice> notices = absenceNotices.ofSession(sessionId);
		return marks.stream().map(m -> MarkView.of(m, notices.get(m.getParticipantId()))).toList();
	}

	@Operation(summary = "Every change to the session's attendance, oldest first: who, when, old and new value "
			+ "(coordinators only)")
	@Audited(value = AuditAction.READ_ATTENDANCE_HISTORY, whose = Whose.IN_ANSWER)
	@GetMapping("/api/sessions/{sessionId}/attendance/history")
	List<ChangeView> history(@PathVariable long sessionId, @RequestParam(required = false) Long participantId) {
		return attendance.historyOfSession(sessionId)
			.stream()
			.filter(c -> participantId == null || c.getParticipantId().equals(participantId))
			.map(ChangeView::of)
			.toList();
	}

}
