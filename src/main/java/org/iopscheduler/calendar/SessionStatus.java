package org.iopscheduler.calendar;

public enum SessionStatus {

	SCHEDULED, CANCELLED

}
