package org.iopscheduler.calendar.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.iopscheduler.calendar.BlockType;
import org.iopscheduler.calendar.Closure;
import org.iopscheduler.calendar.DatedSession;
import org.iopscheduler.calendar.IsoWeek;
import org.iopscheduler.calendar.LocationKind;
import org.iopscheduler.calendar.SessionHours;
import org.iopscheduler.system.PageFormat;

/**
 * A week drawn as a grid: days across, hours down, in quarter-hour rows. Sessions that
 * meet at the same time on a day sit side by side in lanes. Placement travels as class
 * names (row, span, lane), so the page needs no inline styles.
 */
record WeekGrid(IsoWeek week, List<Hour> hours, List<Day> days, int rows) {

	static final int ROWS_PER_HOUR = 4;

	static final int MAX_LANES = 6;

	/**
	 * The fewest rows a tile takes, whatever its length: five lines of text fit in five
	 * quarter-hour rows, so a 15-minute session shows all of its words (it is drawn
	 * longer than it lasts, and the lanes make room for that).
	 */
	static final int MIN_ROWS = 5;

	record Hour(String label) {
	}

	/**
	 * @param closure the program's closure that day, or null while it is open
	 */
	record Day(LocalDate date, String label, boolean today, int lanes, List<Tile> tiles, Closure closure) {

		public boolean closed() {
			return closure != null;
		}

	}

	/**
	 * @param lane the lane it sits in (1 = leftmost)
	 * @param width how many lanes it spans: a session widens to the right while nothing
	 * meets there
	 */
	record Tile(long sessionId, BlockType type, String title, String time, String counselor, String location,
			boolean video, boolean cancelled, String cancelReason, int enrolled, int row, int span, int lane, int width,
			int durationMinutes) {

		public String classes() {
			return "tile t-" + type + " r-" + row + " s-" + span + " l-" + lane + " w-" + width
					+ (cancelled ? " cancelled" : "");
		}

		Tile widened(int lanes) {
			return new Tile(sessionId, type, title, time, counselor, location, video, cancelled, cancelReason, enrolled,
					row, span, lane, lanes, durationMinutes);
		}

		boolean meets(Tile other) {
			return row < other.row + other.span && other.row < row + span;
		}

	}

	static WeekGrid of(IsoWeek week, List<DatedSession> sessions, ZoneId zone, LocalDate today,
			Map<Long, String> counselors, Map<Long, List<Long>> rosters, Map<LocalDate, Closure> closures) {
		// the hours as drawn: a short session's tile reaches further than it lasts
		SessionHours shown = SessionHours
			.of(sessions.stream().map(s -> new SessionHours.Span(s.getStartTime(), drawnMinutes(s))).toList());
		int firstHour = shown.firstHour();
		int lastHour = shown.lastHour();
		List<Hour> hours = new ArrayList<>();
		for (int h = firstHour; h < lastHour; h++) {
			hours.add(new Hour(String.format("%02d:00", h)));
		}
		List<Day> days = new ArrayList<>();
		for (DayOfWeek dayOfWeek : DayOfWeek.values()) {
			LocalDate date = week.day(dayOfWeek);
			List<DatedSession> ofDay = sessions.stream()
				.filter(s -> s.getDate().equals(date))
				.sorted(Comparator.comparing(DatedSession::getStartTime).thenComparing(DatedSession::getId))
				.toList();
			days.add(day(date, today, ofDay, firstHour, zone, counselors, rosters, closures.get(date)));
		}
		return new WeekGrid(week, hours, days, hours.size() * ROWS_PER_HOUR);
	}

	private static Day day(LocalDate date, LocalDate today, List<DatedSession> sessions, int firstHour, ZoneId zone,
			Map<Long, String> counselors, Map<Long, List<Long>> rosters, Closure closure) {
		List<Integer> laneEnds = new ArrayList<>();
		List<Tile> tiles = new ArrayList<>();
		for (DatedSession s : sessions) {
			int start = minuteOfDay(s);
			int end = Math.min(start + drawnMinutes(s), 24 * 60);
			int lane = 0;
			while (lane < laneEnds.size() && laneEnds.get(lane) > start) {
				lane++;
			}
			if (lane == laneEnds.size()) {
				laneEnds.add(end);
			}
			else {
				laneEnds.set(lane, end);
			}
			int row = (start - firstHour * 60) / (60 / ROWS_PER_HOUR) + 1;
			int span = Math.max(1, (int) Math.ceil((end - start) / (60.0 / ROWS_PER_HOUR)));
			tiles.add(new Tile(s.getId(), s.getType(), s.getTitle(),
					PageFormat.timeRange(s.startsAt(zone), s.endsAt(zone)), counselors.get(s.getCounselorId()),
					s.getLocation(), s.getLocationKind() == LocationKind.VIDEO, s.isCancelled(), s.getCancelReason(),
					rosters.getOrDefault(s.getId(), List.of()).size(), row, span, Math.min(lane, MAX_LANES - 1) + 1, 1,
					s.getDurationMinutes()));
		}
		int lanes = Math.min(Math.max(1, laneEnds.size()), MAX_LANES);
		List<Tile> widened = new ArrayList<>();
		for (Tile tile : tiles) {
			int width = 1;
			while (tile.lane() + width <= lanes && free(tiles, tile, tile.lane() + width)) {
				width++;
			}
			widened.add(tile.widened(width));
		}
		return new Day(date, PageFormat.day(date), date.equals(today), lanes, widened, closure);
	}

	private static boolean free(List<Tile> tiles, Tile tile, int lane) {
		return tiles.stream().noneMatch(other -> other.lane() == lane && other.meets(tile));
	}

	private static int minuteOfDay(DatedSession s) {
		return s.getStartTime().getHour() * 60 + s.getStartTime().getMinute();
	}

	private static int drawnMinutes(DatedSession s) {
		return Math.max(s.getDurationMinutes(), MIN_ROWS * 60 / ROWS_PER_HOUR);
	}

}
