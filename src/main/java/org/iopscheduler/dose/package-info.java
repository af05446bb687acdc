/**
 * The weekly dose: minutes scheduled and attended against the program's minimum,
 * statuses, reports and exports.
 */
package org.iopscheduler.dose;
