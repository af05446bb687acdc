package org.iopscheduler.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An optional text of a change (a block's new title, a program's new name): left out it
 * keeps what the record has; given, it holds more than spaces. {@code @Size(min = 1)}
 * alone let {@code "   "} rename a block to nothing a person could read.
 */
@Documented
@Constraint(validatedBy = NotBlankIfGiven.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface NotBlankIfGiven {

	String message() default "must not be blank; leave it out to keep the current value";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Check implements ConstraintValidator<NotBlankIfGiven, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || !value.toString().isBlank();
		}

	}

}
