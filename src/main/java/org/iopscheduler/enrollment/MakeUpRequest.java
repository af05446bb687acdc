package org.iopscheduler.enrollment;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.iopscheduler.calendar.LocationKind;

/** A one-off session for named participants who missed a session. */
public record MakeUpRequest(LocalDate date, LocalTime startTime, int durationMinutes, long counselorId, String location,
		LocationKind locationKind, String title, List<Long> participantIds) {
}
