package org.iopscheduler.attendance;

import org.iopscheduler.system.InvalidInput;

/**
 * How a participant attended a session, and the minutes it counts towards the weekly
 * dose.
 */
public enum AttendanceStatus {

	PRESENT, ABSENT, EXCUSED, LATE, LEFT_EARLY;

	/**
	 * PRESENT counts the whole session, ABSENT and EXCUSED nothing (an excused absence is
	 * still no treatment received); LATE and LEFT_EARLY count the minutes given, strictly
	 * between 0 and the session's length, since 0 would be an absence and the whole
	 * length presence.
	 */
	public int minutesCounted(int sessionMinutes, Integer minutesAttended) {
		return switch (this) {
			case PRESENT -> {
				requireAbsentOrEqual(minutesAttended, sessionMinutes);
				yield sessionMinutes;
			}
			case ABSENT, EXCUSED -> {
				requireAbsentOrEqual(minutesAttended, 0);
				yield 0;
			}
			case LATE, LEFT_EARLY -> {
				if (minutesAttended == null || minutesAttended <= 0 || minutesAttended >= sessionMinutes) {
					throw new InvalidInput("minutesAttended: " + this + " needs 0 < minutesAttended < " + sessionMinutes
							+ " (the session's length), got " + minutesAttended);
				}
				yield minutesAttended;
			}
		};
	}

	private void requireAbsentOrEqual(Integer given, int expected) {
		if (given != null && given != expected) {
			throw new InvalidInput("minutesAttended: " + this + " counts " + expected + " minutes; got " + given);
		}
	}

}
