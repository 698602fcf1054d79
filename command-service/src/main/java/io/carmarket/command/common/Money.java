package io.carmarket.command.common;


import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/** Rules of amounts of money: positive where prices are meant, never finer than the currency's smallest unit. */
public final class Money {

    private Money() {
    }

    /** A price: absent, or positive with no more decimals than the currency has. */
    public static void requireValid(BigDecimal amount, String name, Currency currency) {
        if (amount == null) {
            return;
        }
        if (amount.signum() <= 0) {
            throw RuleViolation.invalid("PRICE_NOT_POSITIVE", name + " must be positive");
        }
        requireCurrencyPrecision(amount, name, currency);
    }

    public static void requireCurrencyPrecision(BigDecimal amount, String name, Currency currency) {
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw RuleViolation.invalid("PRICE_TOO_PRECISE", name + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
    }

    /** The amount with exactly the currency's decimals, rounded half up. */
    public static BigDecimal inCurrency(BigDecimal amount, Currency currency) {
        return amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP);
    }
}
