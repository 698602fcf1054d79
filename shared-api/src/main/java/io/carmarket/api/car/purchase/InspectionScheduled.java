package io.carmarket.api.car.purchase;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

@Revision("1")
public record InspectionScheduled(String carId, String reservationId, String customerId, LocalDate inspectionDate) {
}
