package io.carmarket.api.car.purchase;

import org.axonframework.serialization.Revision;


@Revision("1")
public record PurchaseReservationCancelled(String carId, String reservationId, String customerId, String reason) {
}
