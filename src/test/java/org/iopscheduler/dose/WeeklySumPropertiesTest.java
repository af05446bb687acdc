package org.iopscheduler.dose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.iopscheduler.attendance.AttendanceStatus;
import org.iopscheduler.calendar.IsoWeek;

/** For any week of marks, the weekly sum is the sum of what each mark counts. */
class WeeklySumPropertiesTest {

	record Mark(int dayOffset, int startHour, int durationMinutes, AttendanceStatus status, int partial,
			boolean cancelled) {

		Integer counted() {
			Integer requested = switch (status) {
				case LATE, LEFT_EARLY -> 1 + partial % (durationMinutes - 1);
				default -> null;
			};
			return status.minutesCounted(durationMinutes, requested);
		}

	}

	@Property(tries = 300)
	void theAttendedMinutesOfAWeekAreTheSumOfItsMarks(@ForAll("weeks") List<Mark> marks, @ForAll("zones") String zone,
			@ForAll("weekNumbers") int weekNumber) {
		IsoWeek week = new IsoWeek(2026, weekNumber);
		ZoneId zoneId = ZoneId.of(zone);
		List<SessionFact> facts = new ArrayList<>();
		int expected = 0;
		int expectedScheduled = 0;
		for (Mark mark : marks) {
			LocalDate day = week.monday().plusDays(mark.dayOffset());
			Instant startsAt = day.atTime(mark.startHour(), 0).atZone(zoneId).toInstant();
			facts.add(new SessionFact(day, startsAt, mark.durationMinutes(), mark.cancelled(), mark.counted()));
			if (!mark.cancelled()) {
				expected += mark.counted();
				expectedScheduled += mark.durationMinutes();
			}
		}
		WeeklyDose dose = WeeklyDose.evaluate(week, zoneId, 540, week.monday().minusWeeks(1), null, facts,
				week.end(zoneId));
		assertThat(dose.attendedMinutes()).isEqualTo(expected);
		assertThat(dose.scheduledMinutes()).isEqualTo(expectedScheduled);
		assertThat(dose.attendedMinutes()).isLessThanOrEqualTo(dose.scheduledMinutes());
		assertThat(dose.status()).isEqualTo(expected >= 540 ? DoseStatus.MET : DoseStatus.UNDER_DOSED);
	}

	@Provide
	Arbitrary<List<Mark>> weeks() {
		Arbitrary<Mark> mark = Combinators
			.combine(Arbitraries.integers().between(0, 6), Arbitraries.integers().between(6, 20),
					Arbitraries.integers().between(2, 720), Arbitraries.of(AttendanceStatus.class),
					Arbitraries.integers().between(0, 10_000), Arbitraries.of(true, false, false, false))
			.as(Mark::new);
		return mark.list().ofMaxSize(12);
	}

	@Provide
	Arbitrary<String> zones() {
		return Arbitraries.of("America/New_York", "America/Los_Angeles", "Europe/Berlin", "UTC", "Australia/Sydney");
	}

	@Provide
	Arbitrary<Integer> weekNumbers() {
		return Arbitraries.integers().between(1, 53);
	}

}
