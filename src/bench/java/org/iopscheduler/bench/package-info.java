/**
 * The benchmark's data: a deterministic generator of a large provider group's programs,
 * blocks, participants, sessions and attendance, written with plain batched JDBC (issue
 * 6).
 */
package org.iopscheduler.bench;
