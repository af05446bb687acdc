/**
 * Programs: population, time zone and the weekly minimum dose (ASAM level 2.1 floors).
 */
package org.iopscheduler.program;
