package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * A booking holds the car's dates. {@code status} is PENDING_APPROVAL when the dates touch a peak window; such a
 * booking expires at {@code approvalDeadline} unless the dealer answers (null for a confirmed booking).
 */
@Revision("1")
public record CarBooked(
        String carId,
        String bookingId,
        String customerId,
        DateRange period,
        BookingStatus status,
        BigDecimal totalPrice,
        Currency currency,
        String notes,
        Instant approvalDeadline) {
}
