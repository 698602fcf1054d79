package io.carmarket.support.web.input;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address a person can read back and type: at most 254 characters, no white space, and (like every
 * request string, see {@link RequestText}) no control or bidirectional-override characters.
 */
@NotBlank
@Size(max = EmailAddress.MAX_LENGTH)
@Email(regexp = "[^\\s]+")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    int MAX_LENGTH = 254;

    String message() default "must be an e-mail address of at most " + MAX_LENGTH + " characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
