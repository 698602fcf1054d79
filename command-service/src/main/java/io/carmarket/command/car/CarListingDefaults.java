package io.carmarket.command.car;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * What a listing gets when the dealer leaves it out.
 *
 * @param maxBookingDays longest booking the car accepts
 * @param timeZone       the zone whose calendar decides "today" for the car's bookings
 */
@ConfigurationProperties("carmarket.cars.defaults")
public record CarListingDefaults(@DefaultValue("30") int maxBookingDays, @DefaultValue("UTC") ZoneId timeZone) {
}
