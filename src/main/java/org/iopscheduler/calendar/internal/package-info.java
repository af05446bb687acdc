/**
 * The calendar module's repositories: its own way to its tables. Other modules ask its
 * public services instead (ModularityTest).
 */
package org.iopscheduler.calendar.internal;
