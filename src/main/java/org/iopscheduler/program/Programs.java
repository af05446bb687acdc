package org.iopscheduler.program;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import lombok.RequiredArgsConstructor;

import org.iopscheduler.system.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@RequiredArgsConstructor
public class Programs {

	private final ProgramRepository programs;

	private final Clock clock;

	/**
	 * A program's zone never changes once it is created ({@link Program#keepZone}), so it
	 * is read once per program and instance, and a mark need not load its program.
	 */
	private final Map<Long, ZoneId> zones = new ConcurrentHashMap<>();

	@Transactional
	public Program create(String name, Population population, String timeZone, Integer minimumWeeklyMinutes) {
		return programs.save(Program.create(name, population, timeZone, minimumWeeklyMinutes, clock.instant()));
	}

	/**
	 * As above, with the contact wording's parts: null keeps the neutral default.
	 */
	@Transactional
	public Program create(String name, Population population, String timeZone, Integer minimumWeeklyMinutes,
			String contactTitle, String contactClinicName) {
		Program program = Program.create(name, population, timeZone, minimumWeeklyMinutes, clock.instant());
		program.changeContactWording(ContactWording.NEUTRAL.with(contactTitle, contactClinicName));
		return programs.save(program);
	}

	@Transactional
	public Program update(long id, String name, String timeZone, Integer minimumWeeklyMinutes) {
		return update(id, name, timeZone, minimumWeeklyMinutes, unchecked -> {
		});
	}

	/**
	 * As above, after {@code precondition} (the caller's If-Match) accepted the program
	 * as it is under its row lock.
	 */
	@Transactional
	public Program update(long id, String name, String timeZone, Integer minimumWeeklyMinutes,
			Consumer<Program> precondition) {
		return update(id, name, timeZone, minimumWeeklyMinutes, null, null, precondition);
	}

	/**
	 * As above, with the contact wording's parts: null keeps a part as it is, a blank
	 * clinic name removes it.
	 */
	@Transactional
	public Program update(long id, String name, String timeZone, Integer minimumWeeklyMinutes, String contactTitle,
			String contactClinicName, Consumer<Program> precondition) {
		Program program = programs.lockById(id).orElseThrow(() -> new NotFound("no program with id " + id));
		precondition.accept(program);
		if (timeZone != null) {
			program.keepZone(timeZone);
		}
		if (name != null) {
			program.rename(name);
		}
		if (minimumWeeklyMinutes != null) {
			program.changeMinimum(minimumWeeklyMinutes);
		}
		if (contactTitle != null || contactClinicName != null) {
			program.changeContactWording(program.contactWording().with(contactTitle, contactClinicName));
		}
		// the answer carries the new version in its ETag
		return programs.saveAndFlush(program);
	}

	@Transactional(readOnly = true)
	public Program get(long id) {
		return programs.findById(id).orElseThrow(() -> new NotFound("no program with id " + id));
	}

	/**
	 * What the program's calendar events and reminders say (see {@link ContactWording}).
	 */
	@Transactional(readOnly = true)
	public ContactWording contactWording(long programId) {
		return get(programId).contactWording();
	}

	/** The program's zone: {@link #get}'s, read once. */
	public ZoneId zoneOf(long id) {
		ZoneId known = zones.get(id);
		if (known != null) {
			return known;
		}
		ZoneId zone = get(id).zone();
		zones.put(id, zone);
		return zone;
	}

	@Transactional(readOnly = true)
	public List<Program> all() {
		return programs.findAllByOrderByName();
	}

	/** The program, if there is one: for callers that skip what is gone. */
	public Optional<Program> find(long id) {
		return programs.findById(id);
	}

	/** The programs found, in no order; unknown ids are left out. */
	public List<Program> byIds(Collection<Long> ids) {
		return programs.findAllById(ids);
	}

}
