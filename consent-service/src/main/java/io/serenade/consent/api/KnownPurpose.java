package io.serenade.consent.api;

import io.serenade.events.Purposes;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One of the purposes in {@link Purposes#ALL}, the only list of purposes there is. */
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = KnownPurpose.Validator.class)
public @interface KnownPurpose {

    String message() default "must be a known purpose";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<KnownPurpose, String> {

        private static final String MESSAGE = "must be one of " + String.join(", ", Purposes.ALL);

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Purposes.ALL.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(MESSAGE).addConstraintViolation();
            return false;
        }
    }
}
