package io.carmarket.api.bookings;

import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.DateRange;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A booking as its customer, the car's dealer and admins see it.
 *
 * @param approvalDeadline   while PENDING_APPROVAL: when the request expires unanswered
 * @param cancellationReason when CANCELLED: ON_REQUEST or CAR_SOLD
 * @param cancellationNote   when CANCELLED: the note given with the cancellation, if any
 * @param rejectionReason    when REJECTED: the dealer's reason, if any
 * @param createdAt          when the booking was made
 * @param updatedAt          when it last changed
 */
public record BookingView(
        String bookingId,
        String carId,
        CarCard car,
        String customerId,
        String dealerId,
        DateRange period,
        BookingStatus status,
        BigDecimal totalPrice,
        String currency,
        String notes,
        Instant approvalDeadline,
        BookingCancellationReason cancellationReason,
        String cancellationNote,
        String rejectionReason,
        Instant createdAt,
        Instant updatedAt) {
}
