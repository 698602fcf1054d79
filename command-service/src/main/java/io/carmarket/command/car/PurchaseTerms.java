package io.carmarket.command.car;

import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.purchase.Financing;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.ReservePurchase;
import io.carmarket.api.car.purchase.TradeIn;
import io.carmarket.command.common.Money;
import io.carmarket.command.common.RuleViolation;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * What a purchase costs: the price (agreed in a negotiation, else the asking price), less the trade-in's value,
 * never below zero; for a financed purchase, the part not paid by the deposit.
 */
record PurchaseTerms(BigDecimal price, BigDecimal totalAmount, BigDecimal financedAmount) {

    static final int MIN_LOAN_TERM_MONTHS = 6;
    static final int MAX_LOAN_TERM_MONTHS = 120;

    static PurchaseTerms of(ReservePurchase command, Pricing pricing) {
        Currency currency = pricing.currency();
        BigDecimal price = command.agreedPrice() != null ? command.agreedPrice() : pricing.askingPrice();
        Money.requireValid(price, "agreedPrice", currency);
        if (command.paymentMethod() == null) {
            throw RuleViolation.invalid("PAYMENT_METHOD_REQUIRED", "A purchase needs a payment method");
        }
        BigDecimal total = Money.inCurrency(price.subtract(tradeInCredit(command.tradeIn(), currency)).max(BigDecimal.ZERO),
                currency);
        BigDecimal financed = financedAmount(command.paymentMethod(), command.financing(), total, currency);
        return new PurchaseTerms(price, total, financed);
    }

    private static BigDecimal tradeInCredit(TradeIn tradeIn, Currency currency) {
        if (tradeIn == null) {
            return BigDecimal.ZERO;
        }
        if (tradeIn.value() == null || tradeIn.value().signum() < 0) {
            throw RuleViolation.invalid("INVALID_TRADE_IN", "A trade-in needs a value of zero or more");
        }
        Money.requireCurrencyPrecision(tradeIn.value(), "tradeIn.value", currency);
        return tradeIn.value();
    }

    private static BigDecimal financedAmount(PaymentMethod method, Financing financing, BigDecimal total,
                                             Currency currency) {
        if (method == PaymentMethod.FULL_PAYMENT) {
            if (financing != null) {
                throw RuleViolation.invalid("FINANCING_NOT_ALLOWED", "A full payment has no financing terms");
            }
            return null;
        }
        if (financing == null || financing.deposit() == null) {
            throw RuleViolation.invalid("FINANCING_REQUIRED", "A financed purchase needs a deposit and a loan term");
        }
        if (financing.deposit().signum() < 0 || financing.deposit().compareTo(total) > 0) {
            throw RuleViolation.invalid("INVALID_DEPOSIT", "The deposit must be between zero and the total " + total);
        }
        Money.requireCurrencyPrecision(financing.deposit(), "financing.deposit", currency);
        if (financing.termMonths() < MIN_LOAN_TERM_MONTHS || financing.termMonths() > MAX_LOAN_TERM_MONTHS) {
            throw RuleViolation.invalid("INVALID_LOAN_TERM", "The loan term must be " + MIN_LOAN_TERM_MONTHS + " to "
                    + MAX_LOAN_TERM_MONTHS + " months");
        }
        return Money.inCurrency(total.subtract(financing.deposit()), currency);
    }
}
