package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.Currency;

@Revision("1")
public record CarBooked(
        String carId,
        String bookingId,
        String customerId,
        DateRange period,
        BookingStatus status,
        BigDecimal totalPrice,
        Currency currency,
        String notes) {
}
