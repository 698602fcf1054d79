package io.carmarket.api.inventory;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Transmission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A car as its dealer sees it: every listing field, including the VIN and the licence plate that public answers
 * never contain, and its state.
 *
 * @param reservationId while RESERVED: the live purchase reservation; when SOLD: the completed one
 * @param handoverDate  while RESERVED: the planned handover
 * @param soldPrice     when SOLD: the price it was sold for
 * @param updatedAt     when the car last changed (listing, state or featuring)
 */
public record DealerCarView(
        String carId,
        String dealerId,
        CarStatus status,
        boolean featured,
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
        String description,
        String vin,
        String licensePlate,
        String city,
        List<CarImage> images,
        BigDecimal dailyRate,
        BigDecimal askingPrice,
        String currency,
        int maxBookingDays,
        String reservationId,
        LocalDate handoverDate,
        BigDecimal soldPrice,
        Instant listedAt,
        Instant updatedAt) {

    public DealerCarView {
        features = features == null ? List.of() : List.copyOf(features);
        images = images == null ? List.of() : List.copyOf(images);
    }
}
