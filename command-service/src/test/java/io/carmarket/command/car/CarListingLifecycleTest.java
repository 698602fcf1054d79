package io.carmarket.command.car;

import io.carmarket.api.car.ApproveBooking;
import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CancelBooking;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarFeatureChanged;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.ChangeListing;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.DefinePeakWindows;
import io.carmarket.api.car.ExpireBookingApproval;
import io.carmarket.api.car.FeatureCar;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.PeakWindow;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.RejectBooking;
import io.carmarket.api.car.RelistCar;
import io.carmarket.api.car.RescheduleBooking;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.WithdrawCar;
import io.carmarket.api.car.purchase.CancelPurchaseReservation;
import io.carmarket.api.car.purchase.CompletePurchase;
import io.carmarket.api.car.purchase.ConfirmPurchaseReservation;
import io.carmarket.api.car.purchase.ExpirePurchaseReservation;
import io.carmarket.api.car.purchase.InspectionScheduled;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseCompleted;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationConfirmed;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.car.purchase.ReservePurchase;
import io.carmarket.api.car.purchase.ScheduleInspection;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.command.common.RuleViolation;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.carmarket.api.rejection.CommandRejection.Kind.CONFLICT;
import static io.carmarket.api.rejection.CommandRejection.Kind.FORBIDDEN;
import static io.carmarket.api.rejection.CommandRejection.Kind.INVALID;
import static io.carmarket.command.common.RuleViolationMatchers.rejectedAs;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

/**
 * Specification of a {@link Car}'s listing over its life: changing the listing, featuring it, withdrawing and
 * relisting it while it is reserved or sold, and SOLD as the end of the road for every command.
 * <p>
 * The clock is frozen at 2026-06-10T20:00Z, a Wednesday: still 10 June in the car's zone (Europe/Berlin, 22:00).
 * The car is dealer-1's, offered for rental at EUR 50.00 a day and for sale at EUR 20000.00.
 */
class CarListingLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-06-10T20:00:00Z");
    private static final LocalDate TODAY = june(10);
    private static final String CAR_ID = "car-1";
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final ZoneId BERLIN_ZONE = ZoneId.of("Europe/Berlin");
    private static final Location BERLIN = new Location("Berlin", 52.52, 13.40, BERLIN_ZONE);
    private static final Location AUCKLAND = new Location("Auckland", null, null, ZoneId.of("Pacific/Auckland"));

    private static final Actor DEALER = new Actor("dealer-1", Role.DEALER);
    private static final Actor OTHER_DEALER = new Actor("dealer-2", Role.DEALER);
    private static final Actor CUSTOMER = new Actor("customer-1", Role.CUSTOMER);
    private static final Actor OTHER_CUSTOMER = new Actor("customer-2", Role.CUSTOMER);
    private static final Actor ADMIN = new Actor("admin-1", Role.ADMIN);

    private static final String RESERVATION_ID = "r-1";
    private static final LocalDate HANDOVER = june(20);
    private static final BigDecimal ASKING_PRICE = new BigDecimal("20000.00");

    private AggregateTestFixture<Car> fixture;

    @BeforeEach
    void setUp() {
        fixture = CarFixtures.at(NOW);
    }


    // ---------------------------------------------------------------------------------------------------------
    // Changing the listing
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_cars_dealer_changes_its_details_and_the_change_is_recorded_as_given() {
        ListingChanges changes = new ListingChanges("Volkswagen", "Golf", "1.5 eTSI", 2023, BodyType.HATCHBACK,
                Transmission.AUTOMATIC, FuelType.HYBRID, 31_000, "red", 5, List.of("navigation", "heated seats"),
                "Freshly serviced", null, List.of(new CarImage("https://img.example/golf-red.jpg", true)),
                null, null, null);

        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, changes, DEALER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CarListingChanged(CAR_ID, changes));
    }

    @Test
    void an_admin_may_change_any_cars_listing() {
        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, description("Admin corrected the text"), ADMIN))
                .expectEvents(new CarListingChanged(CAR_ID, description("Admin corrected the text")));
    }

    @Test
    void another_dealer_may_not_change_the_listing() {
        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, description("Hijacked"), OTHER_DEALER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @Test
    void a_customer_may_not_change_the_listing() {
        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, description("Cheaper please"), CUSTOMER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @Test
    void a_change_in_which_every_part_is_absent_is_rejected_as_changing_nothing() {
        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, changes(null, null, null, null, null), DEALER))
                .expectException(rejectedAs(INVALID, "NO_CHANGES"))
                .expectNoEvents();
    }

    @Test
    void a_change_without_any_changes_object_is_rejected_as_changing_nothing() {
        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, null, DEALER))
                .expectException(rejectedAs(INVALID, "NO_CHANGES"))
                .expectNoEvents();
    }

    @Test
    void a_new_location_without_a_time_zone_is_rejected() {
        Location zoneless = new Location("Hamburg", 53.55, 9.99, null);

        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, changes(null, zoneless, null, null, null), DEALER))
                .expectException(rejectedAs(INVALID, "LOCATION_REQUIRED"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "dailyRate {0}")
    @ValueSource(strings = {"0", "0.00", "-0.01", "-50.00"})
    void a_changed_daily_rate_of_zero_or_less_is_rejected(String dailyRate) {
        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, dailyRate(dailyRate), DEALER))
                .expectException(rejectedAs(INVALID, "PRICE_NOT_POSITIVE"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "askingPrice {0}")
    @ValueSource(strings = {"0", "-1", "-20000.00"})
    void a_changed_asking_price_of_zero_or_less_is_rejected(String askingPrice) {
        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, changes(null, null, null, new BigDecimal(askingPrice), null), DEALER))
                .expectException(rejectedAs(INVALID, "PRICE_NOT_POSITIVE"))
                .expectNoEvents();
    }

    @Test
    void a_changed_price_finer_than_the_cars_currency_is_rejected() {
        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, dailyRate("49.999"), DEALER))
                .expectException(rejectedAs(INVALID, "PRICE_TOO_PRECISE"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "maxBookingDays {0}")
    @ValueSource(ints = {0, -1})
    void a_changed_max_booking_days_below_one_is_rejected(int maxBookingDays) {
        fixture.given(listed())
                .when(new ChangeListing(CAR_ID, changes(null, null, null, null, maxBookingDays), DEALER))
                .expectException(rejectedAs(INVALID, "INVALID_MAX_BOOKING_DAYS"))
                .expectNoEvents();
    }

    @Test
    void a_changed_daily_rate_prices_the_bookings_made_after_it() {
        fixture.given(listed(), new CarListingChanged(CAR_ID, dailyRate("60.00")))
                .when(book("b-1", june(12), june(15)))
                .expectEvents(new CarBooked(CAR_ID, "b-1", CUSTOMER.userId(), new DateRange(june(12), june(15)),
                        BookingStatus.CONFIRMED, new BigDecimal("180.00"), EUR, null, null));
    }

    @Test
    void a_lowered_max_booking_days_limits_the_bookings_made_after_it() {
        fixture.given(listed(), new CarListingChanged(CAR_ID, changes(null, null, null, null, 5)))
                .when(book("b-1", june(12), june(18)))
                .expectException(rejectedAs(INVALID, "BOOKING_TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void a_new_locations_time_zone_decides_what_today_is_for_later_bookings() {
        // 20:00 UTC on 10 June is already 08:00 on 11 June in Auckland
        fixture.given(listed(), new CarListingChanged(CAR_ID, changes(null, AUCKLAND, null, null, null)))
                .when(book("b-1", TODAY, june(12)))
                .expectException(rejectedAs(INVALID, "START_DATE_IN_PAST"))
                .expectNoEvents();
    }

    @Test
    void a_rental_only_car_given_an_asking_price_can_be_reserved_for_purchase() {
        fixture.given(listedRentalOnly(), new CarListingChanged(CAR_ID, changes(null, null, null, ASKING_PRICE, null)))
                .when(reserve())
                .expectEvents(reserved());
    }

    @Test
    void a_withdrawn_cars_listing_may_still_be_changed() {
        fixture.given(listed(), new CarWithdrawn(CAR_ID))
                .when(new ChangeListing(CAR_ID, dailyRate("55.00"), DEALER))
                .expectEvents(new CarListingChanged(CAR_ID, dailyRate("55.00")));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Featuring the car
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void an_admin_features_a_listed_car() {
        fixture.given(listed())
                .when(new FeatureCar(CAR_ID, true, ADMIN))
                .expectEvents(new CarFeatureChanged(CAR_ID, true));
    }

    @Test
    void an_admin_features_a_car_reserved_for_purchase() {
        fixture.given(listed(), reserved())
                .when(new FeatureCar(CAR_ID, true, ADMIN))
                .expectEvents(new CarFeatureChanged(CAR_ID, true));
    }

    @Test
    void an_admin_stops_featuring_a_featured_car() {
        fixture.given(listed(), new CarFeatureChanged(CAR_ID, true))
                .when(new FeatureCar(CAR_ID, false, ADMIN))
                .expectEvents(new CarFeatureChanged(CAR_ID, false));
    }

    @Test
    void the_cars_own_dealer_may_not_feature_it() {
        fixture.given(listed())
                .when(new FeatureCar(CAR_ID, true, DEALER))
                .expectException(rejectedAs(FORBIDDEN, "ADMIN_ONLY"))
                .expectNoEvents();
    }

    @Test
    void a_customer_may_not_feature_a_car() {
        fixture.given(listed())
                .when(new FeatureCar(CAR_ID, true, CUSTOMER))
                .expectException(rejectedAs(FORBIDDEN, "ADMIN_ONLY"))
                .expectNoEvents();
    }

    @Test
    void featuring_an_already_featured_car_changes_nothing() {
        fixture.given(listed(), new CarFeatureChanged(CAR_ID, true))
                .when(new FeatureCar(CAR_ID, true, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void unfeaturing_a_car_that_is_not_featured_changes_nothing() {
        fixture.given(listed())
                .when(new FeatureCar(CAR_ID, false, ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_car_cannot_be_featured() {
        fixture.given(listed(), new CarWithdrawn(CAR_ID))
                .when(new FeatureCar(CAR_ID, true, ADMIN))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_LISTED", Map.of("carStatus", "WITHDRAWN")))
                .expectNoEvents();
    }

    @Test
    void withdrawing_a_featured_car_says_that_it_is_no_longer_featured() {
        fixture.given(listed(), new CarFeatureChanged(CAR_ID, true))
                .when(new WithdrawCar(CAR_ID, DEALER))
                .expectEvents(new CarWithdrawn(CAR_ID), new CarFeatureChanged(CAR_ID, false));
    }

    @Test
    void a_relisted_car_must_be_featured_again() {
        fixture.given(listed(), new CarFeatureChanged(CAR_ID, true), new CarWithdrawn(CAR_ID),
                        new CarFeatureChanged(CAR_ID, false), new CarRelisted(CAR_ID))
                .when(new FeatureCar(CAR_ID, true, ADMIN))
                .expectEvents(new CarFeatureChanged(CAR_ID, true));
    }

    @Test
    void selling_a_featured_car_says_that_it_is_no_longer_featured() {
        fixture.given(listed(), new CarFeatureChanged(CAR_ID, true), reserved(),
                        new PurchaseReservationConfirmed(CAR_ID, RESERVATION_ID, CUSTOMER.userId()),
                        new InspectionScheduled(CAR_ID, RESERVATION_ID, CUSTOMER.userId(), HANDOVER))
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(PurchaseCompleted.class), instanceOf(CarSold.class),
                        equalTo(new CarFeatureChanged(CAR_ID, false)), andNoMore())));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Withdrawing and relisting a reserved or sold car
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_car_reserved_for_purchase_cannot_be_withdrawn() {
        fixture.given(listed(), reserved())
                .when(new WithdrawCar(CAR_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_LISTED", Map.of("carStatus", "RESERVED")))
                .expectNoEvents();
    }

    @Test
    void a_car_reserved_for_purchase_cannot_be_withdrawn_even_by_an_admin() {
        fixture.given(listed(), reserved())
                .when(new WithdrawCar(CAR_ID, ADMIN))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_LISTED", Map.of("carStatus", "RESERVED")))
                .expectNoEvents();
    }

    @Test
    void a_car_reserved_for_purchase_cannot_be_relisted() {
        fixture.given(listed(), reserved())
                .when(new RelistCar(CAR_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_WITHDRAWN", Map.of("carStatus", "RESERVED")))
                .expectNoEvents();
    }

    @Test
    void a_car_whose_purchase_reservation_was_cancelled_can_be_withdrawn() {
        fixture.given(listed(), reserved(),
                        new PurchaseReservationCancelled(CAR_ID, RESERVATION_ID, CUSTOMER.userId(), "changed mind"))
                .when(new WithdrawCar(CAR_ID, DEALER))
                .expectEvents(new CarWithdrawn(CAR_ID));
    }

    @Test
    void a_car_whose_purchase_reservation_expired_can_be_withdrawn() {
        fixture.given(listed(), reserved(),
                        new PurchaseReservationExpired(CAR_ID, RESERVATION_ID, CUSTOMER.userId()))
                .when(new WithdrawCar(CAR_ID, DEALER))
                .expectEvents(new CarWithdrawn(CAR_ID));
    }

    @Test
    void a_sold_car_cannot_be_withdrawn() {
        fixture.given(soldCar())
                .when(new WithdrawCar(CAR_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_LISTED", Map.of("carStatus", "SOLD")))
                .expectNoEvents();
    }

    @Test
    void a_sold_car_cannot_be_relisted() {
        fixture.given(soldCar())
                .when(new RelistCar(CAR_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_WITHDRAWN", Map.of("carStatus", "SOLD")))
                .expectNoEvents();
    }

    @Test
    void a_sold_car_cannot_be_relisted_even_by_an_admin() {
        fixture.given(soldCar())
                .when(new RelistCar(CAR_ID, ADMIN))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_WITHDRAWN", Map.of("carStatus", "SOLD")))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // SOLD is terminal
    // ---------------------------------------------------------------------------------------------------------

    /**
     * Every command a sold car can receive, by an actor who could otherwise issue it. The sold car had booking b-1
     * (12-15 June, cancelled by the sale) and reservation r-1 (completed).
     */
    static Stream<Arguments> commandsToASoldCar() {
        return Stream.of(
                refused("ChangeListing by the dealer", new ChangeListing(CAR_ID, dailyRate("60.00"), DEALER),
                        rejectedAs(CONFLICT, "CAR_SOLD")),
                refused("ChangeListing by an admin", new ChangeListing(CAR_ID, description("Sold!"), ADMIN),
                        rejectedAs(CONFLICT, "CAR_SOLD")),
                refused("DefinePeakWindows by the dealer",
                        new DefinePeakWindows(CAR_ID, List.of(saturdays()), DEALER), rejectedAs(CONFLICT, "CAR_SOLD")),
                refused("FeatureCar by an admin", new FeatureCar(CAR_ID, true, ADMIN),
                        rejectedAs(CONFLICT, "CAR_NOT_LISTED", Map.of("carStatus", "SOLD"))),
                refused("WithdrawCar by the dealer", new WithdrawCar(CAR_ID, DEALER),
                        rejectedAs(CONFLICT, "CAR_NOT_LISTED", Map.of("carStatus", "SOLD"))),
                refused("RelistCar by the dealer", new RelistCar(CAR_ID, DEALER),
                        rejectedAs(CONFLICT, "CAR_NOT_WITHDRAWN", Map.of("carStatus", "SOLD"))),
                refused("BookCar by a customer", book("b-2", june(22), june(24)),
                        rejectedAs(CONFLICT, "CAR_NOT_BOOKABLE", Map.of("carStatus", "SOLD"))),
                refused("RescheduleBooking of the booking cancelled by the sale",
                        new RescheduleBooking(CAR_ID, "b-1", new DateRange(june(22), june(24)), CUSTOMER),
                        rejectedAs(CONFLICT, "BOOKING_ALREADY_CANCELLED", Map.of("bookingStatus", "CANCELLED"))),
                refused("CancelBooking of the booking cancelled by the sale",
                        new CancelBooking(CAR_ID, "b-1", CUSTOMER, null),
                        rejectedAs(CONFLICT, "BOOKING_ALREADY_CANCELLED", Map.of("bookingStatus", "CANCELLED"))),
                refused("ApproveBooking of the booking cancelled by the sale",
                        new ApproveBooking(CAR_ID, "b-1", DEALER), rejectedAs(CONFLICT, "CAR_SOLD")),
                refused("RejectBooking of the booking cancelled by the sale",
                        new RejectBooking(CAR_ID, "b-1", "sold", DEALER),
                        rejectedAs(CONFLICT, "BOOKING_NOT_PENDING", Map.of("bookingStatus", "CANCELLED"))),
                refused("ExpireBookingApproval of the booking cancelled by the sale",
                        new ExpireBookingApproval(CAR_ID, "b-1"), rejectedAs(CONFLICT, "BOOKING_NOT_PENDING")),
                refused("ReservePurchase by another customer", reserveBy("r-2", OTHER_CUSTOMER),
                        rejectedAs(CONFLICT, "CAR_NOT_AVAILABLE", Map.of("carStatus", "SOLD"))),
                refused("ConfirmPurchaseReservation of the completed reservation",
                        new ConfirmPurchaseReservation(CAR_ID, RESERVATION_ID, DEALER),
                        rejectedAs(CONFLICT, "RESERVATION_CLOSED", Map.of("reservationStatus", "COMPLETED"))),
                refused("ScheduleInspection of the completed reservation",
                        new ScheduleInspection(CAR_ID, RESERVATION_ID, june(12), DEALER),
                        rejectedAs(CONFLICT, "RESERVATION_CLOSED", Map.of("reservationStatus", "COMPLETED"))),
                refused("CompletePurchase of the completed reservation",
                        new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER),
                        rejectedAs(CONFLICT, "RESERVATION_CLOSED", Map.of("reservationStatus", "COMPLETED"))),
                refused("CancelPurchaseReservation of the completed reservation by the dealer",
                        new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, "undo", DEALER),
                        rejectedAs(CONFLICT, "RESERVATION_CLOSED", Map.of("reservationStatus", "COMPLETED"))),
                refused("CancelPurchaseReservation of the completed reservation by the buyer",
                        new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, "regret", CUSTOMER),
                        rejectedAs(CONFLICT, "RESERVATION_CLOSED", Map.of("reservationStatus", "COMPLETED"))),
                refused("ExpirePurchaseReservation of the completed reservation",
                        new ExpirePurchaseReservation(CAR_ID, RESERVATION_ID),
                        rejectedAs(CONFLICT, "RESERVATION_NOT_PENDING")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsToASoldCar")
    void a_sold_car_refuses_every_command_and_emits_nothing(Object command, Matcher<RuleViolation> rejection) {
        fixture.given(soldCar())
                .when(command)
                .expectException(rejection)
                .expectNoEvents();
    }

    @Test
    void a_booking_running_when_the_car_was_sold_can_no_longer_be_rescheduled() {
        fixture.given(thenSold(listed(), booked("b-1", TODAY, june(12)), reserved()))
                .when(new RescheduleBooking(CAR_ID, "b-1", new DateRange(june(11), june(13)), CUSTOMER))
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_STARTED"))
                .expectNoEvents();
    }

    @Test
    void a_sold_car_refuses_to_approve_a_pending_booking_that_survived_the_sale() {
        CarBooked pendingToday = new CarBooked(CAR_ID, "b-1", CUSTOMER.userId(), new DateRange(TODAY, june(12)),
                BookingStatus.PENDING_APPROVAL, new BigDecimal("100.00"), EUR, null, NOW.plus(Duration.ofHours(40)));

        fixture.given(thenSold(listed(), pendingToday, reserved()))
                .when(new ApproveBooking(CAR_ID, "b-1", DEALER))
                .expectException(rejectedAs(CONFLICT, "CAR_SOLD"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures: car-1 of dealer-1 in Berlin, EUR 50.00 a day and EUR 20000.00 to buy; reservation r-1 of customer-1
    // ---------------------------------------------------------------------------------------------------------

    private static LocalDate june(int day) {
        return LocalDate.of(2026, 6, day);
    }

    private static Arguments refused(String name, Object command, Matcher<RuleViolation> rejection) {
        return Arguments.of(Named.of(name, command), rejection);
    }

    private static CarListed listed() {
        return new CarListed(CAR_ID, DEALER.userId(), null, null, BERLIN, List.of(),
                new Pricing(new BigDecimal("50.00"), ASKING_PRICE, EUR), 30, NOW);
    }

    private static CarListed listedRentalOnly() {
        return new CarListed(CAR_ID, DEALER.userId(), null, null, BERLIN, List.of(),
                new Pricing(new BigDecimal("50.00"), null, EUR), 30, NOW);
    }

    private static PeakWindow saturdays() {
        return new PeakWindow(List.of(DayOfWeek.SATURDAY), null, null);
    }

    private static ListingChanges changes(String description, Location location, BigDecimal dailyRate,
                                          BigDecimal askingPrice, Integer maxBookingDays) {
        return new ListingChanges(null, null, null, null, null, null, null, null, null, null, null, description,
                location, null, dailyRate, askingPrice, maxBookingDays);
    }

    private static ListingChanges description(String text) {
        return changes(text, null, null, null, null);
    }

    private static ListingChanges dailyRate(String amount) {
        return changes(null, null, new BigDecimal(amount), null, null);
    }

    private static BookCar book(String bookingId, LocalDate startDate, LocalDate endDate) {
        return new BookCar(CAR_ID, bookingId, CUSTOMER.userId(), new DateRange(startDate, endDate), null);
    }

    private static CarBooked booked(String bookingId, LocalDate startDate, LocalDate endDate) {
        DateRange period = new DateRange(startDate, endDate);
        return new CarBooked(CAR_ID, bookingId, CUSTOMER.userId(), period, BookingStatus.CONFIRMED,
                new BigDecimal("50.00").multiply(BigDecimal.valueOf(period.days())), EUR, null, null);
    }

    private static ReservePurchase reserve() {
        return reserveBy(RESERVATION_ID, CUSTOMER);
    }

    private static ReservePurchase reserveBy(String reservationId, Actor customer) {
        return new ReservePurchase(CAR_ID, reservationId, "ORD-2026-" + reservationId, customer,
                PaymentMethod.FULL_PAYMENT, null, null, HANDOVER, null);
    }

    /** customer-1 reserved the car for full payment at its asking price, handover on 20 June. */
    private static PurchaseReserved reserved() {
        return new PurchaseReserved(CAR_ID, RESERVATION_ID, "ORD-2026-" + RESERVATION_ID, CUSTOMER.userId(),
                PaymentMethod.FULL_PAYMENT, null, null, ASKING_PRICE, ASKING_PRICE, null, EUR, HANDOVER,
                NOW.plus(Duration.ofDays(7)));
    }

    /** A sold car: listed, b-1 booked for 12-15 June, r-1 reserved and completed, b-1 cancelled by the sale. */
    private static List<Object> soldCar() {
        List<Object> events = thenSold(listed(), booked("b-1", june(12), june(15)), reserved());
        events.add(new BookingCancelled(CAR_ID, "b-1", new DateRange(june(12), june(15)),
                BookingCancellationReason.CAR_SOLD, null));
        return events;
    }

    /** The given history, which must contain reservation r-1, then r-1 confirmed, inspected and completed: SOLD. */
    private static List<Object> thenSold(Object... history) {
        List<Object> events = new ArrayList<>(List.of(history));
        events.add(new PurchaseReservationConfirmed(CAR_ID, RESERVATION_ID, CUSTOMER.userId()));
        events.add(new InspectionScheduled(CAR_ID, RESERVATION_ID, CUSTOMER.userId(), TODAY));
        events.add(new PurchaseCompleted(CAR_ID, RESERVATION_ID, CUSTOMER.userId(), ASKING_PRICE, EUR));
        events.add(new CarSold(CAR_ID, CUSTOMER.userId(), RESERVATION_ID, ASKING_PRICE, EUR));
        return events;
    }
}
