package io.carmarket.api.favorites;

import io.carmarket.api.car.CarStatus;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A favourite car with what a list shows of it. The display data is the car's current public data, or what it
 * was when the favourite was added once the car has left the public search.
 *
 * @param carStatus the car's state as the public search read model knows it (LISTED, RESERVED, WITHDRAWN, SOLD), or
 *                  null if it no longer knows the car
 * @param available the car can be booked or bought: it is LISTED
 * @param addedAt   when the user added the favourite
 */
public record FavoriteView(
        String carId,
        String make,
        String model,
        String variant,
        Integer year,
        String city,
        String primaryImageUrl,
        BigDecimal dailyRate,
        BigDecimal askingPrice,
        String currency,
        CarStatus carStatus,
        boolean available,
        Instant addedAt) {
}
