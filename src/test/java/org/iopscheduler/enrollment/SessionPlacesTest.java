package org.iopscheduler.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

import org.iopscheduler.calendar.WeeklyBlock;
import org.junit.jupiter.api.Test;

/** Capacity is counted per session: who sits in the same room on the same date. */
class SessionPlacesTest {

	static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

	static Days days(LocalDate from, LocalDate to) {
		return new Days(from, to);
	}

	@Test
	void aGroupOfTwoWhereOneLeavesBeforeTheOtherArrivesHasAPlaceForAThird() {
		// break 6 of #10: A leaves before B arrives; C never sits with more than one of
		// them
		WeeklyBlock group = Blocks.block(1, DayOfWeek.MONDAY, 180, 2);
		Days a = days(MONDAY, MONDAY.plusWeeks(3).minusDays(1));
		Days b = days(MONDAY.plusWeeks(4), null);
		assertThat(SessionPlaces.firstFull(group, List.of(days(MONDAY, null)), List.of(a, b))).isEmpty();
	}

	@Test
	void aSessionWithCapacityParticipantsOnItsRosterIsFullNamingItsDate() {
		WeeklyBlock group = Blocks.block(1, DayOfWeek.MONDAY, 180, 2);
		Days a = days(MONDAY, null);
		Days b = days(MONDAY.plusWeeks(5), MONDAY.plusWeeks(6));
		assertThat(SessionPlaces.firstFull(group, List.of(days(MONDAY, null)), List.of(a, b)))
			.contains(new SessionPlaces.FullSession(MONDAY.plusWeeks(5), 2));
	}

	@Test
	void aFutureAdmissionDoesNotCountAgainstSessionsBeforeItStarts() {
		WeeklyBlock group = Blocks.block(1, DayOfWeek.MONDAY, 180, 1);
		Days later = days(MONDAY.plusWeeks(10), null);
		assertThat(SessionPlaces.firstFull(group, List.of(days(MONDAY, MONDAY.plusWeeks(9))), List.of(later)))
			.isEmpty();
		assertThat(SessionPlaces.firstFull(group, List.of(days(MONDAY, null)), List.of(later)))
			.contains(new SessionPlaces.FullSession(MONDAY.plusWeeks(10), 1));
	}

	@Test
	void daysWithoutASessionOfTheBlockNeverMakeItFull() {
		// two others overlap only from Tuesday to Saturday: the Monday group never holds
		// both
		WeeklyBlock group = Blocks.block(1, DayOfWeek.MONDAY, 180, 2);
		Days a = days(MONDAY, MONDAY.plusDays(5));
		Days b = days(MONDAY.plusDays(1), MONDAY.plusDays(6));
		assertThat(SessionPlaces.firstFull(group, List.of(days(MONDAY, null)), List.of(a, b))).isEmpty();
	}

	@Test
	void anEndedBlockHasNoFullSessionAfterItsEnd() {
		WeeklyBlock group = Blocks.block(1, DayOfWeek.MONDAY, 180, 1);
		group.endFrom(MONDAY.plusWeeks(2));
		Days after = days(MONDAY.plusWeeks(2), null);
		assertThat(SessionPlaces.firstFull(group, List.of(days(MONDAY, null)), List.of(after))).isEmpty();
	}

	@Test
	void placesTakenIsTheLargestRosterOfAnySessionFromTheDate() {
		WeeklyBlock group = Blocks.block(1, DayOfWeek.MONDAY, 180, 12);
		List<Days> taken = List.of(days(MONDAY, MONDAY.plusWeeks(1)), days(MONDAY.plusWeeks(1), null),
				days(MONDAY.plusWeeks(3), null));
		assertThat(SessionPlaces.mostTaken(group, days(MONDAY, null), taken)).isEqualTo(2);
		assertThat(SessionPlaces.mostTaken(group, days(MONDAY.plusWeeks(2), null), taken)).isEqualTo(2);
		assertThat(SessionPlaces.mostTaken(group, days(MONDAY.plusWeeks(2), MONDAY.plusWeeks(2)), taken)).isEqualTo(1);
	}

}
