package org.iopscheduler.dose.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.dose.DoseStatus;
import org.iopscheduler.dose.WeeklyDose;

import static org.assertj.core.api.Assertions.assertThat;

class DoseChartTest {

	private static final IsoWeek W44 = IsoWeek.parse("2026-W44");

	private static final IsoWeek W45 = IsoWeek.parse("2026-W45");

	private static WeeklyDose dose(IsoWeek week, int attended, DoseStatus status) {
		return new WeeklyDose(week, 540, 540, attended, 0, 3, 3, status);
	}

	@Test
	void aBarThatReachesTheMinimumEndsOnTheMinimumLine() {
		DoseChart chart = DoseChart.of(List.of(W44, W45), Map.of(W44, dose(W44, 540, DoseStatus.MET)), 540);

		DoseChart.Bar met = chart.bars().get(0);
		assertThat(met.y()).isEqualTo(chart.minimumY());
		assertThat(met.y() + met.height()).isEqualTo(chart.bottom());
	}

	@Test
	void aWeekWithoutAnEnrollmentHasNoBar() {
		DoseChart chart = DoseChart.of(List.of(W44, W45), Map.of(W45, dose(W45, 180, DoseStatus.AT_RISK)), 540);

		assertThat(chart.bars().get(0).height()).isZero();
		assertThat(chart.bars().get(0).status()).isNull();
		assertThat(chart.bars().get(1).height()).isPositive();
	}

	@Test
	void theScaleRisesAboveTheHighestWeekSoNoBarIsCut() {
		DoseChart chart = DoseChart.of(List.of(W44), Map.of(W44, dose(W44, 900, DoseStatus.MET)), 540);

		assertThat(chart.bars().get(0).y()).isGreaterThanOrEqualTo(DoseChart.TOP);
		assertThat(chart.minimumY()).isGreaterThan(chart.bars().get(0).y());
	}

}
