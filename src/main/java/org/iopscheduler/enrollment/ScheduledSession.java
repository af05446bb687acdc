package org.iopscheduler.enrollment;

import java.time.ZoneId;

import org.iopscheduler.calendar.DatedSession;

/** A session on someone's schedule, with the zone its wall time is in. */
public record ScheduledSession(DatedSession session, ZoneId zone) {
}
