package io.carmarket.api.car.purchase;

import org.axonframework.serialization.Revision;


@Revision("1")
public record PurchaseReservationExpired(String carId, String reservationId, String customerId) {
}
