package io.carmarket.command.car;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fixtures of the Car aggregate at a fixed moment: the clock its handlers receive and the timestamps of the given
 * events agree (the car forgets bookings that ended before an event's day, so both must be the same "now").
 */
final class CarFixtures {

    static final CarPolicy POLICY = new CarPolicy(Duration.ofHours(48), Duration.ofDays(7), 100);

    private CarFixtures() {
    }

    static AggregateTestFixture<Car> at(Instant now) {
        GenericEventMessage.clock = Clock.fixed(now, ZoneOffset.UTC);
        AggregateTestFixture<Car> fixture = new AggregateTestFixture<>(Car.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        fixture.registerInjectableResource(POLICY);
        return fixture;
    }

    /** Axon's event clock is global: give it back after each test. */
    static void resetEventClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }
}
