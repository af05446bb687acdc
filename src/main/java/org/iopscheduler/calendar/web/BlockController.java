package org.iopscheduler.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.RequiredArgsConstructor;

import org.iopscheduler.system.IfMatch;
import org.iopscheduler.system.NotBlankIfGiven;
import org.iopscheduler.calendar.BlockChange;
import org.iopscheduler.calendar.BlockDefinition;
import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.BlockVersion;
import org.iopscheduler.calendar.Blocks;
import org.iopscheduler.calendar.ClinicCalendar;
import org.iopscheduler.calendar.LocationKind;
import org.iopscheduler.calendar.ScheduledChange;
import org.iopscheduler.calendar.WeeklyBlock;
import org.iopscheduler.program.Programs;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Weekly blocks")
@RestController
@RequiredArgsConstructor
class BlockController {

	private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

	private final Blocks blocks;

	private final Programs programs;

	private final ClinicCalendar calendar;

	record NewBlock(@NotNull BlockType type, @NotBlank @Size(max = 200) String title, @NotNull DayOfWeek dayOfWeek,
			@NotNull LocalTime startTime, @NotNull @Min(1) @Max(720) Integer durationMinutes, @NotNull Long counselorId,
			@NotBlank @Size(max = 500) String location, LocationKind locationKind, Integer capacity,
			LocalDate startsOn) {
	}

	record ChangeBlock(LocalDate effectiveFrom, DayOfWeek dayOfWeek, LocalTime startTime,
			@Min(1) @Max(720) Integer durationMinutes, Long counselorId,
			@NotBlankIfGiven @Size(max = 500) String location, LocationKind locationKind,
			@NotBlankIfGiven @Size(max = 200) String title, Integer capacity) {
	}

	record EndBlock(@NotNull LocalDate date) {
	}

	record VersionView(LocalDate validFrom, LocalDate validTo, DayOfWeek dayOfWeek, String startTime,
			int durationMinutes, Long counselorId, String location, LocationKind locationKind) {
	}

	/**
	 * The block as it stands today (or as it will first run), with its timeline of dated
	 * versions (past, current and scheduled). After a change, replacedChanges lists the
	 * scheduled versions the change replaced; it is empty on every other answer.
	 */
	record BlockView(Long id, Long programId, BlockType type, String title, DayOfWeek dayOfWeek, String startTime,
			int durationMinutes, Long counselorId, String location, LocationKind locationKind, int capacity,
			LocalDate endsOn, List<VersionView> versions, List<VersionView> replacedChanges) {
	}

	@Operation(summary = "Add a weekly block; 409 when its counselor facilitates an overlapping block in any program")
	@ApiResponse(responseCode = "409",
			description = "Its counselor already facilitates a block or make-up at that time, in any program")
	@PostMapping("/api/programs/{programId}/blocks")
	@ResponseStatus(HttpStatus.CREATED)
	BlockView create(@PathVariable long programId, @Valid @RequestBody NewBlock body) {
		return view(blocks.create(programId,
				new BlockDefinition(body.type(), body.title(), body.dayOfWeek(), body.startTime(),
						body.durationMinutes(), body.counselorId(), body.location(), body.locationKind(),
						body.capacity(), body.startsOn())));
	}

	@Operation(summary = "The program's weekly blocks as they stand today")
	@GetMapping("/api/programs/{programId}/blocks")
	List<BlockView> ofProgram(@PathVariable long programId) {
		List<WeeklyBlock> found = blocks.ofProgram(programId);
		LocalDate today = calendar.today(programs.get(programId));
		return found.stream().map(b -> view(b, today, List.of())).toList();
	}

	@Operation(summary = "One block with its versions: past, current and scheduled")
	@GetMapping("/api/blocks/{id}")
	ResponseEntity<BlockView> one(@PathVariable long id) {
		return tagged(blocks.get(id), List.of());
	}

	@Operation(summary = "Change a block from a date on (effectiveFrom, default today); earlier sessions never change",
			description = "Fields left out keep what the block has on effectiveFrom. The change defines the block for every "
					+ "day from effectiveFrom on: it replaces every change scheduled after that date (and one scheduled on "
					+ "the same date), listed in replacedChanges; a scheduled end stays. Sessions already made on or after "
					+ "effectiveFrom follow the change; if attendance is recorded on one of them the change is refused with 422.")
	@ApiResponse(responseCode = "200", description = "The block with its versions and the changes it replaced")
	@ApiResponse(responseCode = "400", description = "A field breaks its rule, or the change names nothing to change")
	@ApiResponse(responseCode = "409", description = "The counselor is busy at the new time")
	@ApiResponse(responseCode = "422",
			description = "Attendance is recorded on, or a make-up refers to, a session the change would move; or the block does not run on effectiveFrom")
	@PutMapping("/api/blocks/{id}")
	ResponseEntity<BlockView> change(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch,
			@Valid @RequestBody ChangeBlock body) {
		Blocks.BlockChanged changed = blocks.change(id,
				new BlockChange(body.effectiveFrom(), body.dayOfWeek(), body.startTime(), body.durationMinutes(),
						body.counselorId(), body.location(), body.locationKind(), body.title(), body.capacity()),
				check(ifMatch));
		return tagged(changed.block(), changed.replaced().stream().map(BlockController::version).toList());
	}

	@Operation(summary = "End a block: it no longer meets from the given date on")
	@ApiResponse(responseCode = "200", description = "The block with its end date")
	@ApiResponse(responseCode = "422",
			description = "The block has already ended by that date, or attendance is recorded on a session after it")
	@PostMapping("/api/blocks/{id}/end")
	ResponseEntity<BlockView> end(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) IfMatch ifMatch,
			@Valid @RequestBody EndBlock body) {
		WeeklyBlock ended = blocks.end(id, body.date(), check(ifMatch));
		return tagged(ended, List.of());
	}

	/**
	 * The answer with the tag of what a GET shows now; one look at the program's today.
	 */
	private ResponseEntity<BlockView> tagged(WeeklyBlock block, List<VersionView> replaced) {
		LocalDate today = calendar.today(programs.get(block.getProgramId()));
		return ResponseEntity.ok().eTag(tag(block, today)).body(view(block, today, replaced));
	}

	private java.util.function.Consumer<WeeklyBlock> check(IfMatch ifMatch) {
		return IfMatch.check(ifMatch, b -> "block " + b.getId(), this::tag, b -> reads(view(b)));
	}

	/** The block's entity tag, for the answer a GET gives today. */
	String tag(WeeklyBlock block) {
		return tag(block, calendar.today(programs.get(block.getProgramId())));
	}

	static String tag(WeeklyBlock block, LocalDate today) {
		return IfMatch.etag(block.getRowVersion(), view(block, today, List.of()));
	}

	/** "'Process group', MONDAY 18:00 for 180 minutes, counselor 5, Room 2, ..." */
	static String reads(BlockView b) {
		return "'" + b.title() + "', " + b.dayOfWeek() + " " + b.startTime() + " for " + b.durationMinutes()
				+ " minutes, counselor " + b.counselorId() + ", " + b.location() + ", capacity " + b.capacity()
				+ (b.endsOn() != null ? ", meeting for the last time before " + b.endsOn() : "") + "; versions: "
				+ b.versions()
					.stream()
					.map(v -> "from " + (v.validFrom() == null ? "the start" : v.validFrom()) + " " + v.dayOfWeek()
							+ " " + v.startTime() + " for " + v.durationMinutes() + " minutes, counselor "
							+ v.counselorId() + ", " + v.location())
					.collect(java.util.stream.Collectors.joining("; "));
	}

	/** "As it stands today" in the block's program's zone, as the pages show it. */
	private BlockView view(WeeklyBlock block) {
		return view(block, List.of());
	}

	private BlockView view(WeeklyBlock block, List<VersionView> replaced) {
		return view(block, calendar.today(programs.get(block.getProgramId())), replaced);
	}

	private static BlockView view(WeeklyBlock block, LocalDate today, List<VersionView> replaced) {
		BlockVersion now = block.versionAround(today);
		List<VersionView> versions = block.sorted()
			.stream()
			.map(ScheduledChange::of)
			.map(BlockController::version)
			.toList();
		return new BlockView(block.getId(), block.getProgramId(), block.getType(), block.getTitle(), now.getDayOfWeek(),
				HH_MM.format(now.getStartTime()), now.getDurationMinutes(), now.getCounselorId(), now.getLocation(),
				now.getLocationKind(), block.getCapacity(), block.endsOn(), versions, replaced);
	}

	private static VersionView version(ScheduledChange v) {
		return new VersionView(v.validFrom(), v.validTo(), v.slot().day(), HH_MM.format(v.slot().start()),
				v.slot().durationMinutes(), v.counselorId(), v.location().value(), v.location().kind());
	}

}
