package org.iopscheduler.attendance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iopscheduler.system.InvalidInput;
import org.junit.jupiter.api.Test;

class AttendanceStatusTest {

	@Test
	void presentCountsTheWholeSession() {
		assertThat(AttendanceStatus.PRESENT.minutesCounted(180, null)).isEqualTo(180);
	}

	@Test
	void absentAndExcusedCountNothing() {
		assertThat(AttendanceStatus.ABSENT.minutesCounted(180, null)).isZero();
		assertThat(AttendanceStatus.EXCUSED.minutesCounted(180, 0)).isZero();
	}

	@Test
	void lateAndLeftEarlyCountTheMinutesGiven() {
		assertThat(AttendanceStatus.LATE.minutesCounted(180, 150)).isEqualTo(150);
		assertThat(AttendanceStatus.LEFT_EARLY.minutesCounted(180, 1)).isEqualTo(1);
		assertThat(AttendanceStatus.LEFT_EARLY.minutesCounted(180, 179)).isEqualTo(179);
	}

	@Test
	void lateNeedsMinutesStrictlyBetweenZeroAndTheSessionLength() {
		assertThatThrownBy(() -> AttendanceStatus.LATE.minutesCounted(180, null)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("minutesAttended");
		assertThatThrownBy(() -> AttendanceStatus.LATE.minutesCounted(180, 0)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> AttendanceStatus.LEFT_EARLY.minutesCounted(180, 180)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> AttendanceStatus.LATE.minutesCounted(180, -5)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void minutesThatContradictTheStatusAreRefused() {
		assertThatThrownBy(() -> AttendanceStatus.PRESENT.minutesCounted(180, 90)).isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> AttendanceStatus.ABSENT.minutesCounted(180, 30)).isInstanceOf(InvalidInput.class);
	}

}
