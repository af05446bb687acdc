/**
 * Demo data for trying the service (the demo profile, or IOP_DEMO_DATA=true): loaded
 * through the feature modules' public services, so every rule holds. Nothing depends on
 * it.
 */
package org.iopscheduler.demo;
