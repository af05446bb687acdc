/** Cross-cutting parts: security, the one error shape, the clock, production safety. */
package org.iopscheduler.system;
