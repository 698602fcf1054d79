package io.carmarket.api.car;

import java.time.ZoneId;

/**
 * Where the car is picked up. The time zone decides what "today" means for the car's bookings.
 * Latitude and longitude are optional.
 */
public record Location(String city, Double latitude, Double longitude, ZoneId timeZone) {
}
