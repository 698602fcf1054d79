package io.carmarket.command.car;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Time limits of the car's processes; the aggregate receives this as a handler parameter.
 *
 * @param approvalTimeout           a booking awaiting the dealer's approval expires after this, unanswered
 * @param reservationTimeout        a purchase reservation not confirmed within this expires
 * @param snapshotThreshold         events of a car between two snapshots
 */
@ConfigurationProperties("carmarket.cars.policy")
public record CarPolicy(@DefaultValue("48h") Duration approvalTimeout,
                        @DefaultValue("7d") Duration reservationTimeout,
                        @DefaultValue("100") int snapshotThreshold) {
}
