package io.carmarket.command.car;

import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.DefinePeakWindows;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.PeakWindow;
import io.carmarket.api.car.PeakWindowsDefined;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.RescheduleBooking;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReservationConfirmed;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.car.purchase.ReservePurchase;
import io.carmarket.api.car.purchase.ScheduleInspection;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static io.carmarket.api.rejection.CommandRejection.Kind.INVALID;
import static io.carmarket.command.common.RuleViolationMatchers.rejectedAs;

/**
 * Specification of the booking horizon ({@link CarPolicy#bookingHorizon()}, two years in {@link CarFixtures}): no
 * date of a booking, a reschedule, a purchase handover, an inspection or a peak window lies further ahead than
 * that, counted from today in the car's zone. The last day of the horizon itself is allowed.
 * <p>
 * The clock is frozen at 2026-06-10T20:00Z: 10 June in Berlin, already 11 June in Auckland.
 */
class BookingHorizonTest {

    private static final Instant NOW = Instant.parse("2026-06-10T20:00:00Z");
    private static final LocalDate LAST_DAY_IN_BERLIN = LocalDate.of(2028, 6, 10);
    private static final String CAR_ID = "car-1";
    private static final String RESERVATION_ID = "r-1";
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BigDecimal DAILY_RATE = new BigDecimal("50.00");
    private static final BigDecimal ASKING_PRICE = new BigDecimal("20000.00");
    private static final Actor DEALER = new Actor("dealer-1", Role.DEALER);
    private static final Actor CUSTOMER = new Actor("customer-1", Role.CUSTOMER);
    private static final Map<String, String> BEYOND_END_DATE =
            Map.of("field", "endDate", "latestDate", LAST_DAY_IN_BERLIN.toString());

    private AggregateTestFixture<Car> fixture;

    @BeforeEach
    void setUp() {
        fixture = CarFixtures.at(NOW);
    }

    @Test
    void a_booking_ending_on_the_last_day_of_the_horizon_is_accepted() {
        DateRange period = new DateRange(LAST_DAY_IN_BERLIN.minusDays(2), LAST_DAY_IN_BERLIN);

        fixture.given(listedIn("Europe/Berlin"))
                .when(book(period))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked(period));
    }

    @Test
    void a_booking_ending_after_the_horizon_is_rejected_naming_the_last_day() {
        fixture.given(listedIn("Europe/Berlin"))
                .when(book(new DateRange(LAST_DAY_IN_BERLIN.minusDays(1), LAST_DAY_IN_BERLIN.plusDays(1))))
                .expectException(rejectedAs(INVALID, "DATE_BEYOND_HORIZON", BEYOND_END_DATE))
                .expectNoEvents();
    }

    @Test
    void the_horizon_is_counted_from_today_in_the_cars_zone() {
        DateRange period = new DateRange(LAST_DAY_IN_BERLIN.minusDays(1), LAST_DAY_IN_BERLIN.plusDays(1));

        fixture.given(listedIn("Pacific/Auckland"))
                .when(book(period))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked(period));
    }

    @Test
    void a_reschedule_beyond_the_horizon_is_rejected() {
        DateRange booked = new DateRange(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 4));

        fixture.given(listedIn("Europe/Berlin"), booked(booked))
                .when(new RescheduleBooking(CAR_ID, "b-1",
                        new DateRange(LAST_DAY_IN_BERLIN, LAST_DAY_IN_BERLIN.plusDays(3)), CUSTOMER))
                .expectException(rejectedAs(INVALID, "DATE_BEYOND_HORIZON"))
                .expectNoEvents();
    }

    @Test
    void a_purchase_handover_beyond_the_horizon_is_rejected() {
        fixture.given(listedIn("Europe/Berlin"))
                .when(reserveWithHandover(LAST_DAY_IN_BERLIN.plusDays(1)))
                .expectException(rejectedAs(INVALID, "DATE_BEYOND_HORIZON",
                        Map.of("field", "handoverDate", "latestDate", LAST_DAY_IN_BERLIN.toString())))
                .expectNoEvents();
    }

    @Test
    void a_purchase_handover_on_the_last_day_of_the_horizon_is_accepted() {
        fixture.given(listedIn("Europe/Berlin"))
                .when(reserveWithHandover(LAST_DAY_IN_BERLIN))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_inspection_beyond_the_horizon_is_rejected() {
        fixture.given(listedIn("Europe/Berlin"), reserved(), new PurchaseReservationConfirmed(CAR_ID, RESERVATION_ID,
                        CUSTOMER.userId()))
                .when(new ScheduleInspection(CAR_ID, RESERVATION_ID, LAST_DAY_IN_BERLIN.plusDays(1), DEALER))
                .expectException(rejectedAs(INVALID, "DATE_BEYOND_HORIZON"))
                .expectNoEvents();
    }

    @Test
    void a_peak_window_starting_beyond_the_horizon_is_rejected() {
        PeakWindow window = new PeakWindow(List.of(), LAST_DAY_IN_BERLIN.plusDays(1), LAST_DAY_IN_BERLIN.plusDays(5));

        fixture.given(listedIn("Europe/Berlin"))
                .when(new DefinePeakWindows(CAR_ID, List.of(window), DEALER))
                .expectException(rejectedAs(INVALID, "DATE_BEYOND_HORIZON",
                        Map.of("field", "from", "latestDate", LAST_DAY_IN_BERLIN.toString())))
                .expectNoEvents();
    }

    @Test
    void a_peak_window_ending_beyond_the_horizon_is_rejected() {
        PeakWindow window = new PeakWindow(List.of(), LocalDate.of(2026, 12, 20), LAST_DAY_IN_BERLIN.plusDays(1));

        fixture.given(listedIn("Europe/Berlin"))
                .when(new DefinePeakWindows(CAR_ID, List.of(window), DEALER))
                .expectException(rejectedAs(INVALID, "DATE_BEYOND_HORIZON",
                        Map.of("field", "until", "latestDate", LAST_DAY_IN_BERLIN.toString())))
                .expectNoEvents();
    }

    @Test
    void a_peak_window_within_the_horizon_is_defined() {
        PeakWindow window = new PeakWindow(List.of(), LocalDate.of(2026, 12, 20), LAST_DAY_IN_BERLIN);

        fixture.given(listedIn("Europe/Berlin"))
                .when(new DefinePeakWindows(CAR_ID, List.of(window), DEALER))
                .expectEvents(new PeakWindowsDefined(CAR_ID, List.of(window)));
    }

    private static CarListed listedIn(String zone) {
        return new CarListed(CAR_ID, DEALER.userId(), null, null, new Location("Anywhere", null, null, ZoneId.of(zone)),
                List.of(), new Pricing(DAILY_RATE, ASKING_PRICE, EUR), 30, NOW);
    }

    private static BookCar book(DateRange period) {
        return new BookCar(CAR_ID, "b-1", CUSTOMER.userId(), period, null);
    }

    private static CarBooked booked(DateRange period) {
        return new CarBooked(CAR_ID, "b-1", CUSTOMER.userId(), period, BookingStatus.CONFIRMED,
                DAILY_RATE.multiply(BigDecimal.valueOf(period.days())), EUR, null, null);
    }

    private static ReservePurchase reserveWithHandover(LocalDate handover) {
        return new ReservePurchase(CAR_ID, RESERVATION_ID, "ORD-1", CUSTOMER, PaymentMethod.FULL_PAYMENT, null, null,
                handover, null);
    }

    private static PurchaseReserved reserved() {
        return new PurchaseReserved(CAR_ID, RESERVATION_ID, "ORD-1", CUSTOMER.userId(), PaymentMethod.FULL_PAYMENT,
                null, null, ASKING_PRICE, ASKING_PRICE, null, EUR, LocalDate.of(2026, 7, 1), NOW.plusSeconds(3600));
    }
}
