package io.carmarket.api.car.purchase;

import java.math.BigDecimal;
import java.util.Currency;

/** What the write side answers to a successful {@link ReservePurchase}. */
public record PurchaseReservationReceipt(String reservationId, String orderNumber, BigDecimal totalAmount,
                                         Currency currency, PurchaseReservationStatus status) {
}
