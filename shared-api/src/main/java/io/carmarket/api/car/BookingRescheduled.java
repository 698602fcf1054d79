package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/** The booking now holds {@code period} instead of {@code previousPeriod}, at the new price and status. */
@Revision("1")
public record BookingRescheduled(String carId, String bookingId, String customerId, DateRange previousPeriod,
                                 DateRange period, BookingStatus status, BigDecimal totalPrice, Currency currency,
                                 Instant approvalDeadline) {
}
