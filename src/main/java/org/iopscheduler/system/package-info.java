/**
 * The shared kernel: security, the one error shape, the clock, input rules, production
 * safety. It depends on no feature module.
 */
package org.iopscheduler.system;
