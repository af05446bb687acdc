package org.iopscheduler.contact.web;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.PageAudit;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.contact.Consents;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.system.PageController;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "Contact consent" forms of a participant's page (coordinators) and of the
 * participant's own page: give or change the address of a channel, or withdraw it. Each
 * goes back to the page it came from.
 */
@PageController
@RequiredArgsConstructor
class ConsentPages {

	private final Consents consents;

	private final PageAudit audit;

	@Audited(value = AuditAction.GIVE_CONSENT, whose = Whose.PAGE)
	@PostMapping("/participants/{participantId}/consents/{channel}")
	String give(@PathVariable long participantId, @PathVariable ContactChannel channel,
			@RequestParam(defaultValue = "") String address, @AuthenticationPrincipal SignedIn me) {
		consents.give(participantId, channel, address, me.id());
		audit.record(AuditAction.GIVE_CONSENT, List.of(participantId));
		return "redirect:/participants/" + participantId;
	}

	@Audited(value = AuditAction.WITHDRAW_CONSENT, whose = Whose.PAGE)
	@PostMapping("/participants/{participantId}/consents/{channel}/withdraw")
	String withdraw(@PathVariable long participantId, @PathVariable ContactChannel channel,
			@AuthenticationPrincipal SignedIn me) {
		consents.withdraw(participantId, channel, me.id());
		audit.record(AuditAction.WITHDRAW_CONSENT, List.of(participantId));
		return "redirect:/participants/" + participantId;
	}

	/**
	 * A counselor's own address for the messages staff get (a participant's notice, the
	 * morning list of participants at risk), from their sessions page.
	 */
	@PostMapping("/contact/{channel}")
	String giveStaff(@PathVariable ContactChannel channel, @RequestParam(defaultValue = "") String address,
			@AuthenticationPrincipal SignedIn me) {
		consents.give(me.id(), channel, address, me.id());
		return "redirect:/sessions";
	}

	@PostMapping("/contact/{channel}/withdraw")
	String withdrawStaff(@PathVariable ContactChannel channel, @AuthenticationPrincipal SignedIn me) {
		consents.withdraw(me.id(), channel, me.id());
		return "redirect:/sessions";
	}

	@Audited(value = AuditAction.GIVE_CONSENT, whose = Whose.PAGE)
	@PostMapping("/me/consents/{channel}")
	String giveOwn(@PathVariable ContactChannel channel, @RequestParam(defaultValue = "") String address,
			@AuthenticationPrincipal SignedIn me) {
		consents.give(me.id(), channel, address, me.id());
		audit.record(AuditAction.GIVE_CONSENT, List.of(me.id()));
		return "redirect:/me";
	}

	@Audited(value = AuditAction.WITHDRAW_CONSENT, whose = Whose.PAGE)
	@PostMapping("/me/consents/{channel}/withdraw")
	String withdrawOwn(@PathVariable ContactChannel channel, @AuthenticationPrincipal SignedIn me) {
		consents.withdraw(me.id(), channel, me.id());
		audit.record(AuditAction.WITHDRAW_CONSENT, List.of(me.id()));
		return "redirect:/me";
	}

}
