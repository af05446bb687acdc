package org.iopscheduler.people;

public enum Role {

	COORDINATOR, COUNSELOR, PARTICIPANT;

	public boolean isStaff() {
		return this != PARTICIPANT;
	}

}
