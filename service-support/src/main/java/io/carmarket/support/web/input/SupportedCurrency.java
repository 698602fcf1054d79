package io.carmarket.support.web.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.springframework.beans.factory.annotation.Autowired;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Currency;

/** A currency the platform trades in ({@link SupportedCurrencies}); null is left to {@code @NotNull}. */
@Constraint(validatedBy = SupportedCurrency.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface SupportedCurrency {

    String message() default "must be a currency the platform supports";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SupportedCurrency, Currency> {

        private final SupportedCurrencies currencies;

        /** Outside Spring (plain Bean Validation): the default list. */
        public Validator() {
            this(SupportedCurrencies.DEFAULT);
        }

        @Autowired
        public Validator(SupportedCurrencies currencies) {
            this.currencies = currencies;
        }

        @Override
        public boolean isValid(Currency currency, ConstraintValidatorContext context) {
            if (currency == null || currencies.contains(currency)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("must be one of " + currencies.supported())
                    .addConstraintViolation();
            return false;
        }
    }
}
