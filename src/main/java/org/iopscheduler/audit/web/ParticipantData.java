package org.iopscheduler.audit.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An answer type that is a participant's record although no field of it is called
 * {@code participantId} (a participant account, whose {@code id} is the participant's).
 * With those names it marks what an answer must be {@link Audited} for; the coverage test
 * finds both in every handler's return type.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ParticipantData {

}
