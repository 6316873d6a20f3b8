package io.serenade.gateway.rest;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A search query: 2 to 100 characters once trimmed (as it is before being sent on), with no control
 * characters inside. Null is left to {@code @NotNull}.
 */
@Target({ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = SearchText.Validator.class)
public @interface SearchText {

    int MIN = 2;
    int MAX = 100;

    String message() default "must be 2 to 100 characters of text";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SearchText, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String text = value.trim();
            return text.length() >= MIN && text.length() <= MAX && text.chars().noneMatch(Character::isISOControl);
        }
    }
}
