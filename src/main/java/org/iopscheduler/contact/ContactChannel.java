package org.iopscheduler.contact;

/** How a participant may be reached, each with its own consent. */
public enum ContactChannel {

	EMAIL, SMS

}
