/** Staff and participant accounts, their roles, and who is signed in. */
package org.iopscheduler.people;
