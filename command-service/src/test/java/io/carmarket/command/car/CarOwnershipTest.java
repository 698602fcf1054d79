package io.carmarket.command.car;

import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CancelBooking;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.RelistCar;
import io.carmarket.api.car.WithdrawCar;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.rejection.CommandRejection.Kind;
import io.carmarket.command.common.RuleViolation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static io.carmarket.command.common.RuleViolationMatchers.rejectedAs;
import static io.carmarket.api.rejection.CommandRejection.Kind.CONFLICT;
import static io.carmarket.api.rejection.CommandRejection.Kind.FORBIDDEN;
import static io.carmarket.api.rejection.CommandRejection.Kind.NOT_FOUND;

/**
 * Specification of who may do what to a {@link Car}: a booking is managed by its customer, the car's dealer and
 * admins, and to anybody else it does not exist; the car itself is withdrawn and relisted by its dealer or an
 * admin, and a withdrawn car takes no bookings until it is relisted.
 * <p>
 * The clock is frozen at 2026-06-10T20:00Z (10 June in the car's zone, Europe/Berlin); the booking starts on 12 June.
 */
class CarOwnershipTest {

    private static final Instant NOW = Instant.parse("2026-06-10T20:00:00Z");
    private static final String CAR_ID = "car-1";
    private static final String BOOKING_ID = "b-1";
    private static final DateRange PERIOD = new DateRange(LocalDate.of(2026, 6, 12), LocalDate.of(2026, 6, 15));
    private static final Currency EUR = Currency.getInstance("EUR");

    private static final Actor DEALER = new Actor("dealer-1", Role.DEALER);
    private static final Actor OTHER_DEALER = new Actor("dealer-2", Role.DEALER);
    private static final Actor CUSTOMER = new Actor("customer-1", Role.CUSTOMER);
    private static final Actor OTHER_CUSTOMER = new Actor("customer-2", Role.CUSTOMER);
    private static final Actor ADMIN = new Actor("admin-1", Role.ADMIN);

    private AggregateTestFixture<Car> fixture;

    @BeforeEach
    void setUp() {
        fixture = CarFixtures.at(NOW);
    }


    // ---------------------------------------------------------------------------------------------------------
    // Cancelling a booking
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_bookings_customer_may_cancel_it() {
        fixture.given(listed(), booked())
                .when(cancelBy(CUSTOMER))
                .expectEvents(cancelled());
    }

    @Test
    void the_cars_dealer_may_cancel_a_booking_of_the_car() {
        fixture.given(listed(), booked())
                .when(cancelBy(DEALER))
                .expectEvents(cancelled());
    }

    @Test
    void an_admin_may_cancel_any_booking() {
        fixture.given(listed(), booked())
                .when(cancelBy(ADMIN))
                .expectEvents(cancelled());
    }

    @Test
    void another_customer_cancelling_the_booking_is_told_it_does_not_exist() {
        fixture.given(listed(), booked())
                .when(cancelBy(OTHER_CUSTOMER))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void another_dealer_cancelling_the_booking_is_told_it_does_not_exist() {
        fixture.given(listed(), booked())
                .when(cancelBy(OTHER_DEALER))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void the_customer_cancelling_an_already_cancelled_booking_is_told_it_is_already_cancelled() {
        fixture.given(listed(), booked(), cancelled())
                .when(cancelBy(CUSTOMER))
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void the_dealer_cancelling_an_already_cancelled_booking_is_told_it_is_already_cancelled() {
        fixture.given(listed(), booked(), cancelled())
                .when(cancelBy(DEALER))
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void another_customer_cancelling_an_already_cancelled_booking_is_told_it_does_not_exist() {
        fixture.given(listed(), booked(), cancelled())
                .when(cancelBy(OTHER_CUSTOMER))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Withdrawing and relisting the car
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_cars_dealer_may_withdraw_it() {
        fixture.given(listed())
                .when(new WithdrawCar(CAR_ID, DEALER))
                .expectEvents(new CarWithdrawn(CAR_ID));
    }

    @Test
    void an_admin_may_withdraw_any_car() {
        fixture.given(listed())
                .when(new WithdrawCar(CAR_ID, ADMIN))
                .expectEvents(new CarWithdrawn(CAR_ID));
    }

    @Test
    void another_dealer_may_not_withdraw_the_car() {
        fixture.given(listed())
                .when(new WithdrawCar(CAR_ID, OTHER_DEALER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @Test
    void a_customer_may_not_withdraw_a_car_even_one_they_booked() {
        fixture.given(listed(), booked())
                .when(new WithdrawCar(CAR_ID, CUSTOMER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_car_cannot_be_withdrawn_again() {
        fixture.given(listed(), new CarWithdrawn(CAR_ID))
                .when(new WithdrawCar(CAR_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_LISTED", Map.of("carStatus", "WITHDRAWN")))
                .expectNoEvents();
    }

    @Test
    void the_cars_dealer_may_relist_a_withdrawn_car() {
        fixture.given(listed(), new CarWithdrawn(CAR_ID))
                .when(new RelistCar(CAR_ID, DEALER))
                .expectEvents(new CarRelisted(CAR_ID));
    }

    @Test
    void an_admin_may_relist_a_withdrawn_car() {
        fixture.given(listed(), new CarWithdrawn(CAR_ID))
                .when(new RelistCar(CAR_ID, ADMIN))
                .expectEvents(new CarRelisted(CAR_ID));
    }

    @Test
    void a_listed_car_cannot_be_relisted() {
        fixture.given(listed())
                .when(new RelistCar(CAR_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_WITHDRAWN", Map.of("carStatus", "LISTED")))
                .expectNoEvents();
    }

    @Test
    void another_dealer_may_not_relist_the_car() {
        fixture.given(listed(), new CarWithdrawn(CAR_ID))
                .when(new RelistCar(CAR_ID, OTHER_DEALER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @Test
    void another_dealer_relisting_a_listed_car_is_refused_as_not_the_owner_without_learning_its_state() {
        fixture.given(listed())
                .when(new RelistCar(CAR_ID, OTHER_DEALER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Booking a withdrawn or relisted car
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_withdrawn_car_cannot_be_booked() {
        fixture.given(listed(), new CarWithdrawn(CAR_ID))
                .when(book())
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_BOOKABLE", Map.of("carStatus", "WITHDRAWN")))
                .expectNoEvents();
    }

    @Test
    void a_relisted_car_can_be_booked_again() {
        fixture.given(listed(), new CarWithdrawn(CAR_ID), new CarRelisted(CAR_ID))
                .when(book())
                .expectEvents(booked());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures: car-1 of dealer-1 for rental in Berlin at EUR 50.00 a day, booked by customer-1 for 12-15 June
    // ---------------------------------------------------------------------------------------------------------

    private static CarListed listed() {
        Location berlin = new Location("Berlin", null, null, ZoneId.of("Europe/Berlin"));
        Pricing rental = new Pricing(new BigDecimal("50.00"), null, EUR);
        return new CarListed(CAR_ID, DEALER.userId(), null, null, berlin, List.of(), rental, 30, NOW);
    }

    private static BookCar book() {
        return new BookCar(CAR_ID, BOOKING_ID, CUSTOMER.userId(), PERIOD, null);
    }

    private static CarBooked booked() {
        return new CarBooked(CAR_ID, BOOKING_ID, CUSTOMER.userId(), PERIOD, BookingStatus.CONFIRMED,
                new BigDecimal("150.00"), EUR, null, null);
    }

    private static CancelBooking cancelBy(Actor actor) {
        return new CancelBooking(CAR_ID, BOOKING_ID, actor, null);
    }

    private static BookingCancelled cancelled() {
        return new BookingCancelled(CAR_ID, BOOKING_ID, PERIOD, BookingCancellationReason.ON_REQUEST, null);
    }
}
