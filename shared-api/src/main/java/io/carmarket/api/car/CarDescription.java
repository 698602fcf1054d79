package io.carmarket.api.car;

import java.util.List;

/** What a buyer or renter sees of a car. Public data: nothing here identifies the individual vehicle. */
public record CarDescription(
        String make,
        String model,
        String variant,
        int year,
        BodyType bodyType,
        Transmission transmission,
        FuelType fuelType,
        int mileage,
        String color,
        int seats,
        List<String> features,
        String description) {

    public CarDescription {
        features = features == null ? List.of() : List.copyOf(features);
    }
}
