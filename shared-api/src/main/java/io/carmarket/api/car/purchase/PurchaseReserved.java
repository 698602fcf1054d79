package io.carmarket.api.car.purchase;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The car is RESERVED for this customer. {@code totalAmount} = price minus the trade-in's value (never below
 * zero); for FINANCE, {@code financedAmount} = total minus deposit. Unconfirmed, it expires at {@code expiresAt}.
 */
@Revision("1")
public record PurchaseReserved(String carId, String reservationId, String orderNumber, String customerId,
                               PaymentMethod paymentMethod, Financing financing, TradeIn tradeIn, BigDecimal price,
                               BigDecimal totalAmount, BigDecimal financedAmount, Currency currency,
                               LocalDate handoverDate, Instant expiresAt) {
}
