package io.carmarket.command.car;

import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

/**
 * Fixtures of the Car aggregate at a fixed moment: the clock its handlers receive and the time the fixture stamps
 * given and applied events with agree (the car forgets bookings that ended before an event's day, so both must be
 * the same "now").
 */
final class CarFixtures {

    static final CarPolicy POLICY = new CarPolicy(Duration.ofHours(48), Duration.ofDays(7), 100, 2000,
            Period.ofYears(2));

    private CarFixtures() {
    }

    static AggregateTestFixture<Car> at(Instant now) {
        AggregateTestFixture<Car> fixture = new AggregateTestFixture<>(Car.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(POLICY);
        fixture.givenCurrentTime(now);
        return fixture;
    }
}
