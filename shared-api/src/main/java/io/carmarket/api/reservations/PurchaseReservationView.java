package io.carmarket.api.reservations;

import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.car.purchase.Financing;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.car.purchase.TradeIn;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A purchase reservation as its customer, the car's dealer and admins see it.
 *
 * @param financing          for FINANCE only
 * @param tradeIn            the customer's car taken in part payment, if any
 * @param price              the car's price for this sale (asking or negotiated)
 * @param totalAmount        price minus the trade-in's value
 * @param financedAmount     for FINANCE: total minus deposit
 * @param expiresAt          when an unconfirmed reservation expires
 * @param inspectionDate     once INSPECTION_SCHEDULED
 * @param cancellationReason once CANCELLED, if one was given
 */
public record PurchaseReservationView(
        String reservationId,
        String orderNumber,
        String carId,
        CarCard car,
        String customerId,
        String dealerId,
        PurchaseReservationStatus status,
        PaymentMethod paymentMethod,
        Financing financing,
        TradeIn tradeIn,
        BigDecimal price,
        BigDecimal totalAmount,
        BigDecimal financedAmount,
        String currency,
        LocalDate handoverDate,
        LocalDate inspectionDate,
        Instant expiresAt,
        String cancellationReason,
        Instant createdAt,
        Instant updatedAt) {
}
