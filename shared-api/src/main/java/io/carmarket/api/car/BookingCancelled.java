package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BookingCancelled(
        String carId,
        String bookingId,
        DateRange period,
        BookingCancellationReason reason,
        String note) {
}
