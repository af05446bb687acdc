package org.iopscheduler.contact.web;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.contact.Consent;
import org.iopscheduler.contact.ContactChannel;
import org.iopscheduler.contact.Consents;
import org.iopscheduler.people.People;
import org.iopscheduler.people.SignedIn;
import org.iopscheduler.system.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Consent to be contacted")
@RestController
@RequiredArgsConstructor
class ConsentController {

	private final People people;

	private final Consents consents;

	/** The address is checked by the channel's rule (ContactAddress), which names it. */
	record GivenConsent(@Size(max = 1000) String address) {
	}

	record ConsentView(long id, long participantId, ContactChannel channel, String address, boolean active,
			Instant givenAt, long givenBy, Instant withdrawnAt, Long withdrawnBy) {

		static ConsentView of(Consent c) {
			return new ConsentView(c.id(), c.participantId(), c.channel(), c.address(), c.active(), c.givenAt(),
					c.givenBy(), c.withdrawnAt(), c.withdrawnBy());
		}

	}

	@Operation(summary = "A participant's consents to be contacted, withdrawn ones too, newest first",
			description = "Staff, or that participant; for anyone else's 404.")
	@ApiResponse(responseCode = "200", description = "The consents")
	@Audited(value = AuditAction.READ_CONSENT, whose = Whose.PATH_PARTICIPANT_ID)
	@GetMapping("/api/participants/{participantId}/consents")
	List<ConsentView> ofParticipant(@PathVariable long participantId, @AuthenticationPrincipal SignedIn me) {
		if (!me.role().isStaff() && me.id() != participantId) {
			// another participant's records: not even their existence is confirmed
			throw new NotFound("no participant with id " + participantId);
		}
		people.participant(participantId);
		return consents.of(participantId).stream().map(ConsentView::of).toList();
	}

	@Operation(summary = "The caller's own consents to be contacted")
	@ApiResponse(responseCode = "200", description = "The consents")
	@Audited(value = AuditAction.READ_CONSENT, whose = Whose.CALLER)
	@GetMapping("/api/me/consents")
	List<ConsentView> mine(@AuthenticationPrincipal SignedIn me) {
		return consents.of(me.id()).stream().map(ConsentView::of).toList();
	}

	@Operation(summary = "Record a participant's consent to be contacted on a channel (coordinators)",
			description = "address: an e-mail address for EMAIL, an E.164 number (+ then 8-15 digits) for SMS. "
					+ "It replaces the active consent on that channel; the same address again changes nothing. "
					+ "Without an active consent nothing is sent on the channel.")
	@ApiResponse(responseCode = "200", description = "The active consent")
	@Audited(value = AuditAction.GIVE_CONSENT, whose = Whose.PATH_PARTICIPANT_ID)
	@PutMapping("/api/participants/{participantId}/consents/{channel}")
	ConsentView give(@PathVariable long participantId, @PathVariable ContactChannel channel,
			@RequestBody GivenConsent body, @AuthenticationPrincipal SignedIn me) {
		people.participant(participantId);
		return ConsentView.of(consents.give(participantId, channel, body.address(), me.id()));
	}

	@Operation(summary = "Give your own consent to be contacted on a channel",
			description = "The same rules as a coordinator's. Staff give the address their own messages go to (a "
					+ "counselor's notices and morning list of participants at risk).")
	@ApiResponse(responseCode = "200", description = "The active consent")
	@Audited(value = AuditAction.GIVE_CONSENT, whose = Whose.CALLER)
	@PutMapping("/api/me/consents/{channel}")
	ConsentView giveOwn(@PathVariable ContactChannel channel, @RequestBody GivenConsent body,
			@AuthenticationPrincipal SignedIn me) {
		return ConsentView.of(consents.give(me.id(), channel, body.address(), me.id()));
	}

	@Operation(summary = "Withdraw a participant's consent on a channel (coordinators)",
			description = "Nothing more is sent on that channel: messages waiting are skipped. The history is kept.")
	@ApiResponse(responseCode = "204", description = "Withdrawn (or there was none)")
	@Audited(value = AuditAction.WITHDRAW_CONSENT, whose = Whose.PATH_PARTICIPANT_ID)
	@DeleteMapping("/api/participants/{participantId}/consents/{channel}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdraw(@PathVariable long participantId, @PathVariable ContactChannel channel,
			@AuthenticationPrincipal SignedIn me) {
		people.participant(participantId);
		consents.withdraw(participantId, channel, me.id());
	}

	@Operation(summary = "Withdraw your own consent on a channel")
	@ApiResponse(responseCode = "204", description = "Withdrawn (or there was none)")
	@Audited(value = AuditAction.WITHDRAW_CONSENT, whose = Whose.CALLER)
	@DeleteMapping("/api/me/consents/{channel}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void withdrawOwn(@PathVariable ContactChannel channel, @AuthenticationPrincipal SignedIn me) {
		consents.withdraw(me.id(), channel, me.id());
	}

}
