package org.iopscheduler.attendance.web;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.attendance.AbsenceNotices;
import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.system.PageController;
import org.iopscheduler.system.RuleViolation;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "I can't come" on the participant's own page, signed in: the same rule as the link and
 * the API ({@link AbsenceNotices#giveSignedIn}).
 */
@PageController
@RequiredArgsConstructor
class OwnNoticePages {

	private final AbsenceNotices notices;

	private final PageAudit audit;

	@Audited(value = AuditAction.GIVE_ABSENCE_NOTICE, whose = Whose.PAGE)
	@PostMapping("/me/sessions/{sessionId}/cannot-come")
	String cannotCome(@PathVariable long sessionId, @AuthenticationPrincipal SignedIn me, RedirectAttributes redirect) {
		try {
			AbsenceNotices.Given given = notices.giveSignedIn(sessionId, me);
			if (given.outcome() == AbsenceNotices.Outcome.SENT) {
				audit.record(AuditAction.GIVE_ABSENCE_NOTICE, List.of(me.id()));
			}
			redirect.addFlashAttribute("noticeSent", true);
		}
		catch (RuleViolation refused) {
			// cancelled or started meanwhile: nothing was recorded; the page says why
			redirect.addFlashAttribute("noticeRefused", refused.getMessage());
		}
		return "redirect:/me";
	}

}
