package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BookingRejected(String carId, String bookingId, String customerId, DateRange period, String reason) {
}
