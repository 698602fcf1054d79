package io.carmarket.command.car;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingReceipt;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CancelBooking;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.ListCar;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.VehicleRegistration;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.rejection.CommandRejection.Kind;
import io.carmarket.command.common.RuleViolation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
import static io.carmarket.api.rejection.CommandRejection.Kind.INVALID;
import static io.carmarket.api.rejection.CommandRejection.Kind.NOT_FOUND;

/**
 * Specification of the {@link Car} aggregate: listing a car, booking it, cancelling a booking.
 * <p>
 * The clock is frozen at {@link #NOW}, 2026-06-10T20:00Z. That is still 10 June in UTC and in the default car's
 * zone (Europe/Berlin, 22:00), but already 11 June in Pacific/Auckland (08:00 NZST): "today" is the car's day.
 */
class CarTest {

    private static final Instant NOW = Instant.parse("2026-06-10T20:00:00Z");
    private static final LocalDate TODAY_IN_BERLIN = june(10);
    private static final LocalDate TODAY_IN_AUCKLAND = june(11);

    private static final String CAR_ID = "car-1";
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency JPY = Currency.getInstance("JPY");

    private AggregateTestFixture<Car> fixture;

    @BeforeEach
    void setUp() {
        fixture = CarFixtures.at(NOW);
    }


    // ---------------------------------------------------------------------------------------------------------
    // Listing a car
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void listing_a_car_records_what_the_dealer_gave_listed_at_the_clock_instant() {
        CarSpec car = aCar().forSaleAt("18500.00").maxBookingDays(14);

        fixture.givenNoPriorActivity()
                .when(car.listCommand())
                .expectEvents(new CarListed(CAR_ID, CarSpec.DEALER_ID, CarSpec.DESCRIPTION, CarSpec.REGISTRATION,
                        car.location(), CarSpec.IMAGES,
                        new Pricing(new BigDecimal("49.50"), new BigDecimal("18500.00"), EUR), 14, NOW));
    }

    @Test
    void a_car_offered_for_sale_only_can_be_listed_without_a_daily_rate() {
        CarSpec car = aCar().notForRent().forSaleAt("18500.00");

        fixture.givenNoPriorActivity()
                .when(car.listCommand())
                .expectEvents(car.listedEvent());
    }

    @Test
    void a_listing_without_a_currency_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(aCar().currency(null).listCommand())
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "CURRENCY_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void a_listing_without_any_pricing_is_rejected_for_lack_of_a_currency() {
        fixture.givenNoPriorActivity()
                .when(aCar().listCommandWithPricing(null))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "CURRENCY_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void a_listing_with_neither_a_daily_rate_nor_an_asking_price_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(aCar().notForRent().listCommand())
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "PRICE_REQUIRED"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "dailyRate {0}")
    @ValueSource(strings = {"0", "0.00", "-0.01", "-49.50"})
    void a_listing_with_a_zero_or_negative_daily_rate_is_rejected(String dailyRate) {
        fixture.givenNoPriorActivity()
                .when(aCar().dailyRate(dailyRate).listCommand())
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "PRICE_NOT_POSITIVE"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "askingPrice {0}")
    @ValueSource(strings = {"0", "0.00", "-0.01", "-18500"})
    void a_listing_with_a_zero_or_negative_asking_price_is_rejected(String askingPrice) {
        fixture.givenNoPriorActivity()
                .when(aCar().forSaleAt(askingPrice).listCommand())
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "PRICE_NOT_POSITIVE"))
                .expectNoEvents();
    }

    @Test
    void a_listing_without_a_max_booking_days_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(aCar().maxBookingDays(null).listCommand())
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "INVALID_MAX_BOOKING_DAYS"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "maxBookingDays {0}")
    @ValueSource(ints = {0, -1})
    void a_listing_with_a_max_booking_days_below_one_is_rejected(int maxBookingDays) {
        fixture.givenNoPriorActivity()
                .when(aCar().maxBookingDays(maxBookingDays).listCommand())
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "INVALID_MAX_BOOKING_DAYS"))
                .expectNoEvents();
    }

    @Test
    void a_listing_with_a_max_booking_days_of_one_is_accepted() {
        CarSpec car = aCar().maxBookingDays(1);

        fixture.givenNoPriorActivity()
                .when(car.listCommand())
                .expectEvents(car.listedEvent());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Booking a car
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_confirmed_booking_costs_the_days_times_the_daily_rate_in_the_currency_scale() {
        fixture.given(aCar().dailyRate("49.50").listedEvent())
                .when(book("b-1", june(12), june(15)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CarBooked(CAR_ID, "b-1", "customer-b-1", new DateRange(june(12), june(15)),
                        BookingStatus.CONFIRMED, new BigDecimal("148.50"), EUR, "notes for b-1", null));
    }

    @Test
    void a_confirmed_booking_answers_with_a_receipt_of_its_total_price() {
        fixture.given(aCar().dailyRate("49.50").listedEvent())
                .when(book("b-1", june(12), june(15)))
                .expectResultMessagePayload(
                        new BookingReceipt("b-1", BookingStatus.CONFIRMED, new BigDecimal("148.50"), EUR));
    }

    @Test
    void a_booking_of_a_car_priced_in_yen_is_totalled_without_decimals() {
        fixture.given(aCar().currency(JPY).dailyRate("8000.00").listedEvent())
                .when(book("b-1", june(12), june(15)))
                .expectEvents(new CarBooked(CAR_ID, "b-1", "customer-b-1", new DateRange(june(12), june(15)),
                        BookingStatus.CONFIRMED, new BigDecimal("24000"), JPY, "notes for b-1", null))
                .expectResultMessagePayload(
                        new BookingReceipt("b-1", BookingStatus.CONFIRMED, new BigDecimal("24000"), JPY));
    }

    @Test
    void a_price_with_more_decimals_than_the_currency_has_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(aCar().dailyRate("33.335").listCommand())
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "PRICE_TOO_PRECISE"))
                .expectNoEvents();
    }

    @Test
    void a_price_with_trailing_zeros_beyond_the_currency_decimals_is_accepted() {
        fixture.givenNoPriorActivity()
                .when(aCar().dailyRate("49.5000").listCommand())
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_listing_without_a_time_zone_is_rejected() {
        fixture.givenNoPriorActivity()
                .when(aCar().withoutTimeZone().listCommand())
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "LOCATION_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void a_reused_booking_id_is_rejected_as_a_duplicate_even_when_its_dates_overlap() {
        fixture.given(aCar().listedEvent(), booked("b-1", june(12), june(15)))
                .when(book("b-1", june(13), june(14)))
                .expectException(rejectedAs(CONFLICT, "DUPLICATE_BOOKING_ID"))
                .expectNoEvents();
    }

    @Test
    void a_booking_starting_on_the_end_date_of_another_is_accepted_back_to_back() {
        fixture.given(aCar().listedEvent(), booked("b-1", june(12), june(15)))
                .when(book("b-2", june(15), june(17)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked("b-2", june(15), june(17)));
    }

    @Test
    void a_booking_ending_on_the_start_date_of_another_is_accepted_back_to_back() {
        fixture.given(aCar().listedEvent(), booked("b-1", june(15), june(18)))
                .when(book("b-2", june(12), june(15)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked("b-2", june(12), june(15)));
    }

    @Test
    void a_booking_overlapping_a_live_booking_is_rejected_naming_the_conflicting_dates() {
        fixture.given(aCar().listedEvent(), booked("b-1", june(12), june(15)))
                .when(book("b-2", june(14), june(16)))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(CONFLICT, "BOOKING_OVERLAP",
                        Map.of("conflictingStartDate", "2026-06-12", "conflictingEndDate", "2026-06-15")))
                .expectNoEvents();
    }

    @Test
    void a_booking_lying_entirely_within_a_live_booking_is_rejected_as_overlapping() {
        fixture.given(aCar().listedEvent(), booked("b-1", june(12), june(20)))
                .when(book("b-2", june(14), june(15)))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(CONFLICT, "BOOKING_OVERLAP",
                        Map.of("conflictingStartDate", "2026-06-12", "conflictingEndDate", "2026-06-20")))
                .expectNoEvents();
    }

    @Test
    void a_booking_over_the_dates_of_a_cancelled_booking_is_accepted() {
        fixture.given(aCar().listedEvent(),
                        booked("b-1", june(12), june(15)),
                        cancelled("b-1", june(12), june(15)))
                .when(book("b-2", june(12), june(15)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked("b-2", june(12), june(15)));
    }

    @Test
    void a_booking_ending_on_its_start_date_is_rejected_as_an_invalid_period() {
        fixture.given(aCar().listedEvent())
                .when(book("b-1", june(12), june(12)))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "INVALID_PERIOD"))
                .expectNoEvents();
    }

    @Test
    void a_booking_ending_before_its_start_date_is_rejected_as_an_invalid_period() {
        fixture.given(aCar().listedEvent())
                .when(book("b-1", june(15), june(12)))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "INVALID_PERIOD"))
                .expectNoEvents();
    }

    @Test
    void a_booking_starting_before_today_is_rejected() {
        fixture.given(aCar().listedEvent())
                .when(book("b-1", TODAY_IN_BERLIN.minusDays(1), TODAY_IN_BERLIN.plusDays(2)))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "START_DATE_IN_PAST"))
                .expectNoEvents();
    }

    @Test
    void a_booking_starting_today_is_accepted() {
        fixture.given(aCar().listedEvent())
                .when(book("b-1", TODAY_IN_BERLIN, TODAY_IN_BERLIN.plusDays(2)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked("b-1", TODAY_IN_BERLIN, TODAY_IN_BERLIN.plusDays(2)));
    }

    @Test
    void a_booking_starting_on_the_utc_date_is_in_the_past_for_a_car_whose_zone_is_already_on_the_next_day() {
        LocalDate todayInUtc = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

        fixture.given(aCar().zone("Pacific/Auckland").listedEvent())
                .when(book("b-1", todayInUtc, todayInUtc.plusDays(2)))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "START_DATE_IN_PAST"))
                .expectNoEvents();
    }

    @Test
    void a_booking_starting_today_in_the_cars_zone_is_accepted_although_that_is_tomorrow_in_utc() {
        fixture.given(aCar().zone("Pacific/Auckland").listedEvent())
                .when(book("b-1", TODAY_IN_AUCKLAND, TODAY_IN_AUCKLAND.plusDays(2)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked("b-1", TODAY_IN_AUCKLAND, TODAY_IN_AUCKLAND.plusDays(2)));
    }

    @Test
    void a_booking_longer_than_the_max_booking_days_is_rejected() {
        fixture.given(aCar().maxBookingDays(7).listedEvent())
                .when(book("b-1", june(12), june(12).plusDays(8)))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(INVALID, "BOOKING_TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void a_booking_of_exactly_the_max_booking_days_is_accepted() {
        fixture.given(aCar().maxBookingDays(7).listedEvent())
                .when(book("b-1", june(12), june(12).plusDays(7)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(booked("b-1", june(12), june(19)));
    }

    @Test
    void a_car_offered_for_sale_only_cannot_be_booked() {
        fixture.given(aCar().notForRent().forSaleAt("18500.00").listedEvent())
                .when(book("b-1", june(12), june(15)))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_FOR_RENT"))
                .expectNoEvents();
    }

    @Test
    void a_booking_reusing_the_id_of_a_live_booking_is_rejected() {
        fixture.given(aCar().listedEvent(), booked("b-1", june(12), june(15)))
                .when(book("b-1", june(20), june(22)))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(CONFLICT, "DUPLICATE_BOOKING_ID"))
                .expectNoEvents();
    }

    @Test
    void a_booking_reusing_the_id_of_a_cancelled_booking_is_rejected() {
        fixture.given(aCar().listedEvent(),
                        booked("b-1", june(12), june(15)),
                        cancelled("b-1", june(12), june(15)))
                .when(book("b-1", june(12), june(15)))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(CONFLICT, "DUPLICATE_BOOKING_ID"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Cancelling a booking
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_live_booking_cancelled_before_its_start_is_cancelled_on_request_with_its_period() {
        fixture.given(aCar().listedEvent(), booked("b-1", june(12), june(15)))
                .when(new CancelBooking(CAR_ID, "b-1", customerOf("b-1"), "plans changed"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BookingCancelled(CAR_ID, "b-1", new DateRange(june(12), june(15)),
                        BookingCancellationReason.ON_REQUEST, "plans changed"));
    }

    @Test
    void a_booking_can_still_be_cancelled_the_day_before_it_starts() {
        LocalDate tomorrow = TODAY_IN_BERLIN.plusDays(1);

        fixture.given(aCar().listedEvent(), booked("b-1", tomorrow, tomorrow.plusDays(3)))
                .when(cancel("b-1"))
                .expectEvents(cancelled("b-1", tomorrow, tomorrow.plusDays(3)));
    }

    @Test
    void cancelling_an_unknown_booking_is_rejected_as_not_found() {
        fixture.given(aCar().listedEvent(), booked("b-1", june(12), june(15)))
                .when(cancel("b-404"))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void cancelling_an_already_cancelled_booking_is_rejected() {
        fixture.given(aCar().listedEvent(),
                        booked("b-1", june(12), june(15)),
                        cancelled("b-1", june(12), june(15)))
                .when(cancel("b-1"))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_CANCELLED"))
                .expectNoEvents();
    }

    @Test
    void a_booking_cannot_be_cancelled_on_its_start_date() {
        fixture.given(aCar().listedEvent(), booked("b-1", TODAY_IN_BERLIN, TODAY_IN_BERLIN.plusDays(3)))
                .when(cancel("b-1"))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_STARTED"))
                .expectNoEvents();
    }

    @Test
    void a_booking_cannot_be_cancelled_after_its_start_date() {
        fixture.given(aCar().listedEvent(),
                        booked("b-1", TODAY_IN_BERLIN.minusDays(2), TODAY_IN_BERLIN.plusDays(1)))
                .when(cancel("b-1"))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_STARTED"))
                .expectNoEvents();
    }

    @Test
    void a_booking_starting_tomorrow_in_utc_has_already_started_for_a_car_whose_zone_is_on_that_day() {
        fixture.given(aCar().zone("Pacific/Auckland").listedEvent(),
                        booked("b-1", TODAY_IN_AUCKLAND, TODAY_IN_AUCKLAND.plusDays(3)))
                .when(cancel("b-1"))
                .expectException(RuleViolation.class)
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_STARTED"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures
    // ---------------------------------------------------------------------------------------------------------

    private static LocalDate june(int day) {
        return LocalDate.of(2026, 6, day);
    }

    /** A car for rental in Berlin at EUR 49.50 a day, bookable for up to 30 days, not for sale. */
    private static CarSpec aCar() {
        return new CarSpec();
    }

    private static BookCar book(String bookingId, LocalDate startDate, LocalDate endDate) {
        return new BookCar(CAR_ID, bookingId, "customer-" + bookingId, new DateRange(startDate, endDate),
                "notes for " + bookingId);
    }

    /** Cancelled by the booking's own customer. */
    private static CancelBooking cancel(String bookingId) {
        return new CancelBooking(CAR_ID, bookingId, customerOf(bookingId), null);
    }

    /** The customer who made the booking with this id in these tests. */
    private static Actor customerOf(String bookingId) {
        return new Actor("customer-" + bookingId, Role.CUSTOMER);
    }

    /** A confirmed booking of the default car ({@link #aCar()}), priced at its EUR 49.50 daily rate. */
    private static CarBooked booked(String bookingId, LocalDate startDate, LocalDate endDate) {
        DateRange period = new DateRange(startDate, endDate);
        BigDecimal totalPrice = new BigDecimal("49.50").multiply(BigDecimal.valueOf(period.days()));
        return new CarBooked(CAR_ID, bookingId, "customer-" + bookingId, period, BookingStatus.CONFIRMED,
                totalPrice, EUR, "notes for " + bookingId, null);
    }

    private static BookingCancelled cancelled(String bookingId, LocalDate startDate, LocalDate endDate) {
        return new BookingCancelled(CAR_ID, bookingId, new DateRange(startDate, endDate),
                BookingCancellationReason.ON_REQUEST, null);
    }

    /** Builds the matching {@link ListCar} command and {@link CarListed} event of one car. */
    private static final class CarSpec {

        static final String DEALER_ID = "dealer-1";
        static final CarDescription DESCRIPTION = new CarDescription("Volkswagen", "Golf", "1.5 TSI", 2022,
                BodyType.HATCHBACK, Transmission.MANUAL, FuelType.PETROL, 24_000, "blue", 5,
                List.of("navigation"), "Well kept");
        static final VehicleRegistration REGISTRATION = new VehicleRegistration("WVWZZZ1KZAW000001", "B-CM 101");
        static final List<CarImage> IMAGES = List.of(new CarImage("https://img.example/golf.jpg", true));

        private BigDecimal dailyRate = new BigDecimal("49.50");
        private BigDecimal askingPrice;
        private Currency currency = EUR;
        private Integer maxBookingDays = 30;
        private ZoneId zone = ZoneId.of("Europe/Berlin");

        CarSpec dailyRate(String amount) {
            this.dailyRate = new BigDecimal(amount);
            return this;
        }

        CarSpec notForRent() {
            this.dailyRate = null;
            return this;
        }

        CarSpec forSaleAt(String amount) {
            this.askingPrice = new BigDecimal(amount);
            return this;
        }

        CarSpec currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        CarSpec maxBookingDays(Integer maxBookingDays) {
            this.maxBookingDays = maxBookingDays;
            return this;
        }

        CarSpec zone(String zoneId) {
            this.zone = ZoneId.of(zoneId);
            return this;
        }

        CarSpec withoutTimeZone() {
            this.zone = null;
            return this;
        }

        Location location() {
            return new Location(zone == null ? "Nowhere" : zone.getId(), null, null, zone);
        }

        Pricing pricing() {
            return new Pricing(dailyRate, askingPrice, currency);
        }

        ListCar listCommand() {
            return listCommandWithPricing(pricing());
        }

        ListCar listCommandWithPricing(Pricing pricing) {
            return new ListCar(CAR_ID, DEALER_ID, DESCRIPTION, REGISTRATION, location(), IMAGES, pricing,
                    maxBookingDays);
        }

        CarListed listedEvent() {
            return new CarListed(CAR_ID, DEALER_ID, DESCRIPTION, REGISTRATION, location(), IMAGES, pricing(),
                    maxBookingDays, NOW);
        }
    }
}
