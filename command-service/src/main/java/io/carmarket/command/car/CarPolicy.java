package io.carmarket.command.car;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;

/**
 * Time limits of the car's processes and how its repository keeps cars; the aggregate receives this as a handler
 * parameter.
 *
 * @param approvalTimeout           a booking awaiting the dealer's approval expires after this, unanswered
 * @param reservationTimeout        a purchase reservation not confirmed within this expires
 * @param snapshotThreshold         events of a car between two snapshots
 * @param cachedCars                cars kept in memory between commands, the most recently used
 * @param bookingHorizon            how far ahead of today (in the car's zone) any date of a booking, a handover,
 *                                  an inspection or a peak window may lie
 */
@ConfigurationProperties("carmarket.cars.policy")
public record CarPolicy(@DefaultValue("48h") Duration approvalTimeout,
                        @DefaultValue("7d") Duration reservationTimeout,
                        @DefaultValue("100") int snapshotThreshold,
                        @DefaultValue("2000") int cachedCars,
                        @DefaultValue("P2Y") Period bookingHorizon) {

    /** The last day a date of a car's calendar may be, seen from {@code today}. */
    LocalDate horizonFrom(LocalDate today) {
        return today.plus(bookingHorizon);
    }
}
