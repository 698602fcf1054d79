package io.carmarket.api.dashboards;

import io.carmarket.api.car.purchase.PurchaseReservationStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A purchase reservation that is still going on. */
public record LiveReservation(String reservationId, String carId, String carTitle, String orderNumber,
                              PurchaseReservationStatus status, BigDecimal totalAmount, String currency,
                              LocalDate handoverDate, Instant expiresAt) {
}
