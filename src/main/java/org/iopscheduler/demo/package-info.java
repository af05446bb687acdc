/**
 * Demo data for trying the service out: loaded through the features' own services. It may
 * use every module; nothing may use it.
 */
package org.iopscheduler.demo;
