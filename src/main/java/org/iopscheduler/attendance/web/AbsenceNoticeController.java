package org.iopscheduler.attendance.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.attendance.AbsenceNotice;
import org.iopscheduler.attendance.AbsenceNotices;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.program.Programs;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Attendance")
@RestController
@RequiredArgsConstructor
class AbsenceNoticeController {

	/** Without dates the make-up list looks this many days back and ahead. */
	static final int DEFAULT_DAYS = 28;

	private final AbsenceNotices notices;

	private final Programs programs;

	private final ClinicCalendar calendar;

	record NoticeView(Long sessionId, Long participantId, Instant givenAt, AbsenceNotice.Via via, Long recordedBy) {

		static NoticeView of(AbsenceNotice n) {
			return new NoticeView(n.getSessionId(), n.getParticipantId(), n.getGivenAt(), n.getVia(),
					n.getRecordedBy());
		}

	}

	/** One line of the make-up list. */
	record OpenNoticeView(Long sessionId, Long participantId, Long programId, LocalDate date, OffsetDateTime startsAt,
			int minutesMissed, Instant givenAt, AbsenceNotice.Via via) {
	}

	@Operation(summary = "Tell the care team you cannot come to one of your sessions (participants)",
			description = "Records notice once; the counselor still marks the session. The same again answers the notice "
					+ "already given (200). 404 for a session you are not expected at; 422 once it is cancelled or has "
					+ "started.")
	@ApiResponse(responseCode = "201", description = "Notice recorded")
	@ApiResponse(responseCode = "200", description = "Notice was already given for this session")
	@ApiResponse(responseCode = "422", description = "The session was cancelled or has started")
	@Audited(value = AuditAction.GIVE_ABSENCE_NOTICE, whose = Whose.CALLER)
	@PostMapping("/api/me/sessions/{sessionId}/absence-notice")
	ResponseEntity<NoticeView> give(@PathVariable long sessionId, @AuthenticationPrincipal SignedIn me) {
		AbsenceNotices.Given given = notices.giveSignedIn(sessionId, me);
		HttpStatus status = given.outcome() == AbsenceNotices.Outcome.SENT ? HttpStatus.CREATED : HttpStatus.OK;
		return ResponseEntity.status(status).body(NoticeView.of(given.notice()));
	}

	@Operation(
			summary = "The make-up list: notices of absence with no make-up arranged yet, newest session first "
					+ "(staff)",
			description = "Sessions from `from` to `to` (default: four weeks back to four weeks ahead), of one program "
					+ "or all. `minutesMissed`: the minutes of that session the participant was expected at.")
	@Audited(value = AuditAction.READ_ABSENCE_NOTICES, whose = Whose.IN_ANSWER)
	@GetMapping("/api/absence-notices")
	List<OpenNoticeView> open(@RequestParam(required = false) Long programId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate today = calendar.today(calendar.organisationZone());
		return notices
			.withoutMakeUp(programId, from != null ? from : today.minusDays(DEFAULT_DAYS),
					to != null ? to : today.plusDays(DEFAULT_DAYS))
			.stream()
			.map(open -> {
				DatedSession s = open.session();
				return new OpenNoticeView(s.getId(), open.notice().getParticipantId(), s.getProgramId(), s.getDate(),
						s.startsAt(programs.zoneOf(s.getProgramId())).toOffsetDateTime(), open.minutesMissed(),
						open.notice().getGivenAt(), open.notice().getVia());
			})
			.toList();
	}

}
