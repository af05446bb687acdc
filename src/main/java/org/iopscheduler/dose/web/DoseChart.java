package org.iopscheduler.dose.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.dose.DoseStatus;
import org.iopscheduler.dose.WeeklyDose;
import org.iopscheduler.system.PageFormat;

/**
 * Attended minutes per week against the minimum line, as numbers an SVG template draws:
 * the server does the geometry, the browser needs no script. Weeks without an enrollment
 * have no bar.
 */
record DoseChart(int width, int height, int left, int bottom, int minimumY, int minimum, List<Bar> bars,
		List<Tick> ticks) {

	static final int WIDTH = 720;

	static final int HEIGHT = 260;

	static final int LEFT = 56;

	static final int TOP = 16;

	static final int BOTTOM = 40;

	record Bar(String week, String label, int x, int y, int width, int height, int labelX, DoseStatus status,
			String attended) {
	}

	record Tick(int y, String label) {
	}

	static DoseChart of(List<IsoWeek> weeks, Map<IsoWeek, WeeklyDose> doses, int minimum) {
		int top = Math.max(minimum, doses.values().stream().mapToInt(WeeklyDose::attendedMinutes).max().orElse(0));
		// a round top of the scale, a little above the highest bar or the minimum
		int scale = ((top + top / 8) / 60 + 1) * 60;
		int plotHeight = HEIGHT - TOP - BOTTOM;
		int plotWidth = WIDTH - LEFT - 8;
		int slot = plotWidth / Math.max(1, weeks.size());
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < weeks.size(); i++) {
			IsoWeek week = weeks.get(i);
			WeeklyDose dose = doses.get(week);
			int x = LEFT + i * slot + slot / 6;
			int barWidth = slot - slot / 3;
			// weeks as people name them, never "2026-W48"
			String label = PageFormat.shortDate(week.monday());
			String named = PageFormat.days(week.monday(), week.sunday());
			if (dose == null) {
				bars.add(new Bar(named, label, x, HEIGHT - BOTTOM, barWidth, 0, x + barWidth / 2, null, null));
				continue;
			}
			int h = Math.round((float) plotHeight * dose.attendedMinutes() / scale);
			bars.add(new Bar(named, label, x, HEIGHT - BOTTOM - h, barWidth, h, x + barWidth / 2, dose.status(),
					PageFormat.hours(dose.attendedMinutes())));
		}
		List<Tick> ticks = new ArrayList<>();
		int step = scale <= 600 ? 120 : scale <= 1200 ? 240 : 480;
		for (int m = 0; m <= scale; m += step) {
			ticks.add(new Tick(HEIGHT - BOTTOM - Math.round((float) plotHeight * m / scale), m / 60 + " h"));
		}
		int minimumY = HEIGHT - BOTTOM - Math.round((float) plotHeight * minimum / scale);
		return new DoseChart(WIDTH, HEIGHT, LEFT, HEIGHT - BOTTOM, minimumY, minimum, bars, ticks);
	}

}
