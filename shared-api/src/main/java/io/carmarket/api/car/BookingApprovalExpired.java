package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

@Revision("1")
public record BookingApprovalExpired(String carId, String bookingId, String customerId, DateRange period) {
}
