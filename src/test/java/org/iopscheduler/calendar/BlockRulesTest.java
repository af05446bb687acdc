package org.iopscheduler.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.iopscheduler.system.InvalidInput;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BlockRulesTest {

	static WeeklyBlock mondayGroup() {
		return WeeklyBlock.create(1L, BlockType.GROUP, "Process group", null,
				new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180), 7L,
				org.iopscheduler.calendar.Location.of("Room 2", null), null, Instant.EPOCH);
	}

	@Nested
	class Capacity {

		@Test
		void groupsAndPsychoeducationDefaultToTwelvePlaces() {
			assertThat(BlockType.GROUP.capacity(null)).isEqualTo(12);
			assertThat(BlockType.PSYCHOEDUCATION.capacity(null)).isEqualTo(12);
		}

		@Test
		void individualAndFamilySessionsHaveExactlyOnePlace() {
			assertThat(BlockType.INDIVIDUAL.capacity(null)).isEqualTo(1);
			assertThat(BlockType.FAMILY.capacity(1)).isEqualTo(1);
			assertThatThrownBy(() -> BlockType.FAMILY.capacity(2)).isInstanceOf(InvalidInput.class)
				.hasMessageContaining("capacity");
		}

		@Test
		void aGroupNeedsAtLeastOnePlace() {
			assertThatThrownBy(() -> BlockType.GROUP.capacity(0)).isInstanceOf(InvalidInput.class);
		}

	}

	@Nested
	class Locations {

		@Test
		void aWebLinkIsAVideoSessionAndAnythingElseARoom() {
			assertThat(org.iopscheduler.calendar.Location.of("https://meet.example.org/x", null).kind())
				.isEqualTo(LocationKind.VIDEO);
			assertThat(org.iopscheduler.calendar.Location.of("Room 2", null).kind()).isEqualTo(LocationKind.ROOM);
		}

		@Test
		void aVideoLocationMustBeALink() {
			assertThatThrownBy(() -> org.iopscheduler.calendar.Location.of("Room 2", LocationKind.VIDEO))
				.isInstanceOf(InvalidInput.class);
		}

	}

	@Nested
	class ChangesFromADate {

		@Test
		void aChangeThatNamesNothingToChangeIsRefusedRatherThanCopyingTheBlock() {
			assertThatThrownBy(
					() -> new BlockChange(LocalDate.of(2026, 12, 1), null, null, null, null, null, null, null, null))
				.isInstanceOf(InvalidInput.class)
				.hasMessageContaining("at least one of dayOfWeek");
			assertThat(new BlockChange(null, null, null, null, null, null, null, "Relapse prevention", null).title())
				.isEqualTo("Relapse prevention");
		}

		@Test
		void aChangeLeavesEveryDayBeforeItAsItWas() {
			WeeklyBlock block = mondayGroup();
			LocalDate from = LocalDate.of(2026, 12, 1);
			block.changeFrom(from, new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.of(17, 0), 120), 8L,
					org.iopscheduler.calendar.Location.of("Room 5", null));
			assertThat(block.versionOn(LocalDate.of(2026, 11, 30)).orElseThrow().getDayOfWeek())
				.isEqualTo(DayOfWeek.MONDAY);
			BlockVersion after = block.versionOn(from).orElseThrow();
			assertThat(after.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
			assertThat(after.getCounselorId()).isEqualTo(8L);
			assertThat(block.getVersions()).hasSize(2);
		}

		@Test
		void anEndedBlockDoesNotRunFromItsEndDate() {
			WeeklyBlock block = mondayGroup();
			block.endFrom(LocalDate.of(2026, 12, 7));
			assertThat(block.runsOn(LocalDate.of(2026, 11, 30))).isTrue();
			assertThat(block.runsOn(LocalDate.of(2026, 12, 7))).isFalse();
			assertThat(block.endsOn()).isEqualTo(LocalDate.of(2026, 12, 7));
		}

		@Test
		void endingDropsChangesPlannedAfterTheEnd() {
			WeeklyBlock block = mondayGroup();
			block.changeFrom(LocalDate.of(2027, 1, 4), new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(19, 0), 180), 7L,
					org.iopscheduler.calendar.Location.of("Room 2", null));
			block.endFrom(LocalDate.of(2026, 12, 14));
			assertThat(block.getVersions()).hasSize(1);
			assertThat(block.runsOn(LocalDate.of(2027, 1, 4))).isFalse();
		}

		@Test
		void aChangeFromAnEarlierDateReplacesEveryChangeScheduledAfterIt() {
			// break 3 of #10: a room change from 3 Dec must not revert on 10 Dec
			WeeklyBlock block = mondayGroup();
			LocalDate tenth = LocalDate.of(2026, 12, 10);
			LocalDate third = LocalDate.of(2026, 12, 3);
			block.changeFrom(tenth, new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(17, 30), 180), 7L, room("Room 2"));
			WeeklyBlock.Changed changed = block.changeFrom(third,
					new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(18, 0), 180), 7L, room("Room 9"));
			assertThat(changed.replaced()).extracting(ScheduledChange::validFrom).containsExactly(tenth);
			assertThat(block.versionOn(tenth.plusWeeks(5)).orElseThrow().getLocation()).isEqualTo("Room 9");
			assertThat(block.versionOn(tenth).orElseThrow().getStartTime()).isEqualTo(LocalTime.of(18, 0));
			assertThat(block.getVersions()).hasSize(2);
		}

		@Test
		void aCorrectionOnTheSameDateReplacesTheEarlierOneInPlace() {
			// break 2 of #10: no second version with the same date (the database's key
			// refused it)
			WeeklyBlock block = mondayGroup();
			LocalDate from = LocalDate.of(2026, 12, 7);
			block.changeFrom(from, new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(17, 30), 180), 7L, room("Room 2"));
			BlockVersion first = block.versionOn(from).orElseThrow();
			WeeklyBlock.Changed changed = block.changeFrom(from,
					new WeeklySlot(DayOfWeek.MONDAY, LocalTime.of(17, 0), 180), 7L, room("Room 2"));
			assertThat(changed.version()).isSameAs(first);
			assertThat(changed.replaced()).singleElement()
				.satisfies(r -> assertThat(r.slot().start()).isEqualTo(LocalTime.of(17, 30)));
			assertThat(block.getVersions()).extracting(BlockVersion::getValidFrom).doesNotHaveDuplicates().hasSize(2);
			assertThat(block.versionOn(from).orElseThrow().getStartTime()).isEqualTo(LocalTime.of(17, 0));
		}

		@Test
		void aChangeKeepsTheBlocksScheduledEnd() {
			WeeklyBlock block = mondayGroup();
			block.endFrom(LocalDate.of(2027, 2, 1));
			block.changeFrom(LocalDate.of(2026, 12, 7), new WeeklySlot(DayOfWeek.TUESDAY, LocalTime.of(18, 0), 180), 7L,
					room("Room 2"));
			assertThat(block.endsOn()).isEqualTo(LocalDate.of(2027, 2, 1));
			assertThat(block.runsOn(LocalDate.of(2027, 2, 2))).isFalse();
		}

		@Test
		void theFirstMeetingFromADateFollowsTheVersionInForce() {
			WeeklyBlock block = mondayGroup();
			block.changeFrom(LocalDate.of(2026, 12, 9), new WeeklySlot(DayOfWeek.FRIDAY, LocalTime.of(18, 0), 180), 7L,
					room("Room 2"));
			assertThat(block.firstMeetingFrom(LocalDate.of(2026, 12, 8))).contains(LocalDate.of(2026, 12, 11));
			block.endFrom(LocalDate.of(2026, 12, 12));
			assertThat(block.firstMeetingFrom(LocalDate.of(2026, 12, 12))).isEmpty();
		}

	}

	static Location room(String name) {
		return Location.of(name, null);
	}

}
