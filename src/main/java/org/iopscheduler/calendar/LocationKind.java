package org.iopscheduler.calendar;

/** Where a session meets: a room in the clinic, or a video link for telehealth. */
public enum LocationKind {

	ROOM, VIDEO

}
