package org.iopscheduler.audit.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler whose answer names participants but is deliberately not {@link Audited}; the
 * reason says why. The coverage test accepts nothing else.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface NotAudited {

	/** Why reading this answer needs no line of its own. */
	String value();

}
