/**
 * The shared kernel: security, the one error shape, the clock, input rules. It depends on
 * no feature module.
 */
package org.iopscheduler.system;
