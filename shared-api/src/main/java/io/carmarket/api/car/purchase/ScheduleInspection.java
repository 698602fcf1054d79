package io.carmarket.api.car.purchase;

import io.carmarket.api.identity.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record ScheduleInspection(@TargetAggregateIdentifier String carId, String reservationId,
                                 LocalDate inspectionDate, Actor requestedBy) {
}
