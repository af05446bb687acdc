package org.iopscheduler.audit.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.iopscheduler.audit.AuditAction;

/**
 * A request handler (API or page) that reads or changes participants' records. It runs in
 * one transaction with its audit lines ({@link AuditedHandlers}): a change and its lines
 * commit together or not at all, and a read's lines are stored before its answer is sent.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

	/** What the request does with the records. */
	AuditAction value();

	/** Where the request names its participants. */
	Whose whose() default Whose.IN_ANSWER;

}
