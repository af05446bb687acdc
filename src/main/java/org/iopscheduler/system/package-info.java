/** Cross-cutting parts: security, the one error shape, the clock, start-up data. */
package org.iopscheduler.system;
