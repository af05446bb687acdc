package org.iopscheduler.feed.web;

import java.time.Instant;
import java.util.Arrays;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.audit.AuditAction;
import org.iopscheduler.audit.web.Audited;
import org.iopscheduler.audit.web.Whose;
import org.iopscheduler.feed.CalendarFeeds;
import org.iopscheduler.feed.FeedDocument;
import org.iopscheduler.people.SignedIn;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Calendar feeds")
@RestController
@RequiredArgsConstructor
class CalendarFeedController {

	static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=utf-8");

	private final CalendarFeeds feeds;

	record IssuedFeed(@Schema(
			description = "The feed's secret address; shown only now (the service keeps only its hash)",
			example = "https://scheduler.example.org/feeds/q3Xl2h0nHq7v4w9aY1kR8sT5uP6oN3mL0jI7gF4dC2b.ics") String url,
			Instant createdAt) {
	}

	@Operation(operationId = "issueCalendarFeed",
			summary = "Issue the caller's calendar feed (a participant or a counselor); a new one replaces the old",
			description = "Answers a secret address (256 random bits) that a calendar app reads without signing in. "
					+ "Calling it again issues a new address and the old one answers 404.")
	@ApiResponse(responseCode = "201", description = "The feed's address, shown only in this answer")
	@ApiResponse(responseCode = "403", description = "A coordinator: they lead no sessions and have no feed",
			content = @Content(mediaType = "application/problem+json"))
	@Audited(value = AuditAction.ISSUE_CALENDAR_FEED, whose = Whose.CALLER_ACCOUNT)
	@PostMapping("/api/me/calendar-feed")
	@ResponseStatus(HttpStatus.CREATED)
	IssuedFeed issue(@AuthenticationPrincipal SignedIn me) {
		return answer(feeds.issue(me.id()));
	}

	@Operation(operationId = "revokeOwnCalendarFeed",
			summary = "Revoke the caller's calendar feed: its address answers 404 from now on")
	@ApiResponse(responseCode = "204", description = "Revoked, or there was none")
	@Audited(value = AuditAction.REVOKE_CALENDAR_FEED, whose = Whose.CALLER_ACCOUNT)
	@DeleteMapping("/api/me/calendar-feed")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeMine(@AuthenticationPrincipal SignedIn me) {
		feeds.revoke(me.id());
	}

	@Operation(operationId = "revokeCalendarFeed",
			summary = "Revoke an account's calendar feed (coordinators): its address answers 404 from now on")
	@ApiResponse(responseCode = "204", description = "Revoked, or there was none")
	@ApiResponse(responseCode = "404", description = "No account with that id",
			content = @Content(mediaType = "application/problem+json"))
	@Audited(value = AuditAction.REVOKE_CALENDAR_FEED, whose = Whose.PATH_ACCOUNT)
	@DeleteMapping("/api/accounts/{id}/calendar-feed")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@PathVariable long id) {
		feeds.revoke(id);
	}

	@Operation(operationId = "readCalendarFeed",
			summary = "A calendar feed (iCalendar, RFC 5545): no sign-in, the secret address is the key",
			description = "One event per session of the owner from " + CalendarFeeds.WEEKS_BACK
					+ " weeks before today to " + CalendarFeeds.WEEKS_AHEAD
					+ " weeks after, in neutral words (the program's contact title, the time, the room or video "
					+ "link). A strong ETag; If-None-Match with it answers 304 while nothing changed. "
					+ "Every fetch is audited as a read of the owner's schedule.")
	@SecurityRequirements
	@ApiResponse(responseCode = "200", description = "The feed",
			content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")),
			headers = @Header(name = HttpHeaders.ETAG, description = "Strong: the SHA-256 of the document",
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match",
			content = @Content,
			headers = @Header(name = HttpHeaders.ETAG, description = "The same ETag",
					schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "404", description = "No feed at this address: replaced or revoked",
			content = @Content(mediaType = "application/problem+json"))
	@GetMapping("/feeds/{token}.ics")
	ResponseEntity<String> read(@Parameter(description = "The feed's secret") @PathVariable String token,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			HttpServletRequest request) {
		FeedDocument document = feeds.read(token, request.getMethod()).document();
		// calendar apps poll: private (one person's, never a shared cache's), and
		// revalidated by its ETag each time (Referrer-Policy: see SecurityConfiguration)
		CacheControl caching = CacheControl.noCache().cachePrivate();
		if (matches(ifNoneMatch, document.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(document.etag()).cacheControl(caching).build();
		}
		return ResponseEntity.ok()
			.eTag(document.etag())
			.cacheControl(caching)
			.contentType(CALENDAR)
			.body(document.text());
	}

	/** If-None-Match compares weakly (RFC 9110 13.1.2): a W/ prefix still matches. */
	private static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		return Arrays.stream(ifNoneMatch.split(","))
			.map(String::strip)
			.map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch(tag -> tag.equals("*") || tag.equals(etag));
	}

	private static IssuedFeed answer(CalendarFeeds.Issued issued) {
		return new IssuedFeed(FeedAddress.of(issued.token()), issued.createdAt());
	}

}
