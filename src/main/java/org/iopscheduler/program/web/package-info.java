/** HTTP edge of programs. */
package org.iopscheduler.program.web;
