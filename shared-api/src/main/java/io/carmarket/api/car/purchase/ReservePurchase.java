package io.carmarket.api.car.purchase;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A customer reserves a car for purchase, to be handed over on {@code handoverDate}.
 *
 * @param orderNumber  unique, human-readable (e.g. ORD-2026-000123), drawn before the command is sent
 * @param agreedPrice  the price agreed in a negotiation, or null for the asking price
 * @param financing    required for FINANCE, absent for FULL_PAYMENT
 * @param tradeIn      optional
 */
public record ReservePurchase(@TargetAggregateIdentifier String carId, String reservationId, String orderNumber,
                              Actor customer, PaymentMethod paymentMethod, Financing financing, TradeIn tradeIn,
                              LocalDate handoverDate, BigDecimal agreedPrice) {
}
