package io.carmarket.api.car;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** A dealer lists a car for rental, for sale, or both. */
public record ListCar(
        @TargetAggregateIdentifier String carId,
        String dealerId,
        CarDescription description,
        VehicleRegistration registration,
        Location location,
        List<CarImage> images,
        Pricing pricing,
        Integer maxBookingDays) {

    public ListCar {
        images = images == null ? List.of() : List.copyOf(images);
    }
}
