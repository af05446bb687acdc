/** HTTP edge of programs; the programs page. */
package org.iopscheduler.program.web;
