package io.carmarket.command.car;

import io.carmarket.api.car.ApproveBooking;
import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.api.car.BookingApproved;
import io.carmarket.api.car.BookingReceipt;
import io.carmarket.api.car.BookingRejected;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.DefinePeakWindows;
import io.carmarket.api.car.ExpireBookingApproval;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.PeakWindow;
import io.carmarket.api.car.PeakWindowsDefined;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.RejectBooking;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static io.carmarket.api.rejection.CommandRejection.Kind.CONFLICT;
import static io.carmarket.api.rejection.CommandRejection.Kind.FORBIDDEN;
import static io.carmarket.api.rejection.CommandRejection.Kind.INVALID;
import static io.carmarket.api.rejection.CommandRejection.Kind.NOT_FOUND;
import static io.carmarket.command.common.RuleViolationMatchers.rejectedAs;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;

/**
 * Specification of peak windows (invariant 3): the dealer names peak days; a booking touching one awaits the dealer's
 * approval, holding its dates meanwhile, until it is approved, rejected, or expires unanswered 48 hours later.
 * <p>
 * The clock is frozen at 2026-06-10T20:00Z, a Wednesday, still 10 June in the car's zone (Europe/Berlin). So
 * Saturday 13 June is the next Saturday, and a booking made now awaits approval until 2026-06-12T20:00Z.
 */
class PeakWindowApprovalTest {

    private static final Instant NOW = Instant.parse("2026-06-10T20:00:00Z");
    private static final Instant APPROVAL_DEADLINE = Instant.parse("2026-06-12T20:00:00Z");
    private static final String CAR_ID = "car-1";
    private static final Currency EUR = Currency.getInstance("EUR");

    private static final Actor DEALER = new Actor("dealer-1", Role.DEALER);
    private static final Actor OTHER_DEALER = new Actor("dealer-2", Role.DEALER);
    private static final Actor CUSTOMER = new Actor("customer-1", Role.CUSTOMER);
    private static final Actor OTHER_CUSTOMER = new Actor("customer-2", Role.CUSTOMER);
    private static final Actor ADMIN = new Actor("admin-1", Role.ADMIN);

    /** Friday 12 June to Monday 15 June: the nights of Friday, Saturday and Sunday. */
    private static final DateRange OVER_THE_WEEKEND = new DateRange(june(12), june(15));

    private AggregateTestFixture<Car> fixture;

    @BeforeEach
    void setUp() {
        fixture = CarFixtures.at(NOW);
    }


    // ---------------------------------------------------------------------------------------------------------
    // Defining peak windows
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_cars_dealer_defines_its_peak_windows() {
        List<PeakWindow> windows = List.of(weekdays(SATURDAY, SUNDAY), dates(july(1), july(15)),
                new PeakWindow(List.of(DayOfWeek.FRIDAY), august(1), august(31)));

        fixture.given(listed())
                .when(new DefinePeakWindows(CAR_ID, windows, DEALER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PeakWindowsDefined(CAR_ID, windows));
    }

    @Test
    void an_admin_may_define_the_peak_windows_of_any_car() {
        fixture.given(listed())
                .when(new DefinePeakWindows(CAR_ID, List.of(weekdays(SATURDAY)), ADMIN))
                .expectEvents(new PeakWindowsDefined(CAR_ID, List.of(weekdays(SATURDAY))));
    }

    @Test
    void another_dealer_may_not_define_the_peak_windows() {
        fixture.given(listed())
                .when(new DefinePeakWindows(CAR_ID, List.of(weekdays(SATURDAY)), OTHER_DEALER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @Test
    void a_customer_may_not_define_the_peak_windows() {
        fixture.given(listed())
                .when(new DefinePeakWindows(CAR_ID, List.of(weekdays(SATURDAY)), CUSTOMER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @Test
    void a_window_naming_neither_weekdays_nor_dates_is_rejected() {
        fixture.given(listed())
                .when(new DefinePeakWindows(CAR_ID, List.of(weekdays(SATURDAY), new PeakWindow(List.of(), null, null)),
                        DEALER))
                .expectException(rejectedAs(INVALID, "INVALID_PEAK_WINDOW"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "until {0} days after from")
    @ValueSource(ints = {0, -1})
    void a_window_whose_until_is_not_after_its_from_is_rejected(int daysAfterFrom) {
        fixture.given(listed())
                .when(new DefinePeakWindows(CAR_ID, List.of(dates(july(10), july(10).plusDays(daysAfterFrom))),
                        DEALER))
                .expectException(rejectedAs(INVALID, "INVALID_PEAK_WINDOW"))
                .expectNoEvents();
    }

    @Test
    void a_window_of_a_single_day_is_accepted() {
        fixture.given(listed())
                .when(new DefinePeakWindows(CAR_ID, List.of(dates(july(10), july(11))), DEALER))
                .expectEvents(new PeakWindowsDefined(CAR_ID, List.of(dates(july(10), july(11)))));
    }

    @Test
    void a_window_open_at_one_end_is_accepted() {
        List<PeakWindow> windows = List.of(dates(july(1), null), dates(null, june(20)));

        fixture.given(listed())
                .when(new DefinePeakWindows(CAR_ID, windows, DEALER))
                .expectEvents(new PeakWindowsDefined(CAR_ID, windows));
    }

    @Test
    void the_dealer_of_a_withdrawn_car_may_still_define_its_peak_windows() {
        fixture.given(listed(), new CarWithdrawn(CAR_ID))
                .when(new DefinePeakWindows(CAR_ID, List.of(weekdays(SATURDAY)), DEALER))
                .expectEvents(new PeakWindowsDefined(CAR_ID, List.of(weekdays(SATURDAY))));
    }

    @Test
    void defining_no_windows_clears_the_peak_windows_so_weekend_bookings_are_confirmed_at_once() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), new PeakWindowsDefined(CAR_ID, List.of()))
                .when(book("b-1", OVER_THE_WEEKEND))
                .expectEvents(confirmed("b-1", OVER_THE_WEEKEND));
    }

    @Test
    void defining_peak_windows_replaces_the_previous_ones() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), peakWindows(weekdays(DayOfWeek.MONDAY)))
                .when(book("b-1", OVER_THE_WEEKEND))
                .expectEvents(confirmed("b-1", OVER_THE_WEEKEND));
    }

    @Test
    void defining_peak_windows_leaves_an_existing_confirmed_booking_confirmed() {
        fixture.given(listed(), confirmed("b-1", OVER_THE_WEEKEND), peakWindows(weekdays(SATURDAY)))
                .when(new ApproveBooking(CAR_ID, "b-1", DEALER))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING", Map.of("bookingStatus", "CONFIRMED")))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Booking with peak windows
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_booking_over_a_peak_weekday_awaits_approval_until_48_hours_from_now() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)))
                .when(book("b-1", OVER_THE_WEEKEND))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CarBooked(CAR_ID, "b-1", CUSTOMER.userId(), OVER_THE_WEEKEND,
                        BookingStatus.PENDING_APPROVAL, new BigDecimal("150.00"), EUR, null, APPROVAL_DEADLINE));
    }

    @Test
    void a_booking_awaiting_approval_answers_with_a_pending_receipt() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)))
                .when(book("b-1", OVER_THE_WEEKEND))
                .expectResultMessagePayload(new BookingReceipt("b-1", BookingStatus.PENDING_APPROVAL,
                        new BigDecimal("150.00"), EUR));
    }

    @Test
    void a_booking_starting_on_a_peak_weekday_awaits_approval() {
        DateRange saturdayNight = new DateRange(june(13), june(14));

        fixture.given(listed(), peakWindows(weekdays(SATURDAY)))
                .when(book("b-1", saturdayNight))
                .expectEvents(pending("b-1", saturdayNight));
    }

    @Test
    void a_booking_ending_on_a_peak_weekday_does_not_touch_it_and_is_confirmed() {
        DateRange thursdayAndFriday = new DateRange(june(11), june(13));

        fixture.given(listed(), peakWindows(weekdays(SATURDAY)))
                .when(book("b-1", thursdayAndFriday))
                .expectEvents(confirmed("b-1", thursdayAndFriday));
    }

    @Test
    void a_booking_on_weekdays_only_is_confirmed_although_the_car_has_peak_weekdays() {
        DateRange mondayToFriday = new DateRange(june(15), june(20));

        fixture.given(listed(), peakWindows(weekdays(SATURDAY, SUNDAY)))
                .when(book("b-1", mondayToFriday))
                .expectEvents(confirmed("b-1", mondayToFriday));
    }

    @Test
    void a_booking_reaching_into_a_peak_date_range_awaits_approval() {
        DateRange intoTheRange = new DateRange(june(28), july(2));

        fixture.given(listed(), peakWindows(dates(july(1), july(15))))
                .when(book("b-1", intoTheRange))
                .expectEvents(pending("b-1", intoTheRange));
    }

    @Test
    void a_booking_on_the_last_day_of_a_peak_date_range_awaits_approval() {
        DateRange lastDay = new DateRange(july(14), july(16));

        fixture.given(listed(), peakWindows(dates(july(1), july(15))))
                .when(book("b-1", lastDay))
                .expectEvents(pending("b-1", lastDay));
    }

    @Test
    void a_booking_starting_on_the_until_date_of_a_peak_date_range_is_confirmed() {
        DateRange afterTheRange = new DateRange(july(15), july(18));

        fixture.given(listed(), peakWindows(dates(july(1), july(15))))
                .when(book("b-1", afterTheRange))
                .expectEvents(confirmed("b-1", afterTheRange));
    }

    @Test
    void a_booking_ending_on_the_from_date_of_a_peak_date_range_is_confirmed() {
        DateRange beforeTheRange = new DateRange(june(26), july(1));

        fixture.given(listed(), peakWindows(dates(july(1), july(15))))
                .when(book("b-1", beforeTheRange))
                .expectEvents(confirmed("b-1", beforeTheRange));
    }

    @Test
    void a_booking_on_a_peak_weekday_within_the_windows_date_range_awaits_approval() {
        DateRange julySaturday = new DateRange(july(4), july(5));

        fixture.given(listed(), peakWindows(new PeakWindow(List.of(SATURDAY), july(1), august(1))))
                .when(book("b-1", julySaturday))
                .expectEvents(pending("b-1", julySaturday));
    }

    @Test
    void a_booking_on_the_peak_weekday_outside_the_windows_date_range_is_confirmed() {
        DateRange juneSaturday = new DateRange(june(13), june(14));

        fixture.given(listed(), peakWindows(new PeakWindow(List.of(SATURDAY), july(1), august(1))))
                .when(book("b-1", juneSaturday))
                .expectEvents(confirmed("b-1", juneSaturday));
    }

    @Test
    void a_booking_on_other_weekdays_within_the_windows_date_range_is_confirmed() {
        DateRange julyMondayToFriday = new DateRange(july(6), july(11));

        fixture.given(listed(), peakWindows(new PeakWindow(List.of(SATURDAY), july(1), august(1))))
                .when(book("b-1", julyMondayToFriday))
                .expectEvents(confirmed("b-1", julyMondayToFriday));
    }

    @Test
    void a_booking_touching_any_one_of_several_windows_awaits_approval() {
        DateRange julyTuesday = new DateRange(july(7), july(8));

        fixture.given(listed(), peakWindows(weekdays(SATURDAY), dates(july(7), july(8))))
                .when(book("b-1", julyTuesday))
                .expectEvents(pending("b-1", julyTuesday));
    }

    @Test
    void a_booking_awaiting_approval_holds_its_dates_against_other_bookings() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new BookCar(CAR_ID, "b-2", OTHER_CUSTOMER.userId(), new DateRange(june(14), june(16)), null))
                .expectException(rejectedAs(CONFLICT, "BOOKING_OVERLAP",
                        Map.of("conflictingStartDate", "2026-06-12", "conflictingEndDate", "2026-06-15")))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Approving and rejecting
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_cars_dealer_approves_a_booking_awaiting_approval() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new ApproveBooking(CAR_ID, "b-1", DEALER))
                .expectEvents(new BookingApproved(CAR_ID, "b-1", CUSTOMER.userId(), OVER_THE_WEEKEND));
    }

    @Test
    void an_admin_approves_a_booking_awaiting_approval() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new ApproveBooking(CAR_ID, "b-1", ADMIN))
                .expectEvents(new BookingApproved(CAR_ID, "b-1", CUSTOMER.userId(), OVER_THE_WEEKEND));
    }

    @Test
    void another_dealer_approving_a_booking_is_told_it_does_not_exist() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new ApproveBooking(CAR_ID, "b-1", OTHER_DEALER))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void the_bookings_own_customer_approving_it_is_told_it_does_not_exist() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new ApproveBooking(CAR_ID, "b-1", CUSTOMER))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void approving_an_unknown_booking_is_rejected_as_not_found() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new ApproveBooking(CAR_ID, "b-404", DEALER))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void the_cars_dealer_rejects_a_booking_awaiting_approval_with_a_reason() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new RejectBooking(CAR_ID, "b-1", "car needed for a fair", DEALER))
                .expectEvents(new BookingRejected(CAR_ID, "b-1", CUSTOMER.userId(), OVER_THE_WEEKEND,
                        "car needed for a fair"));
    }

    @Test
    void an_admin_rejects_a_booking_awaiting_approval() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new RejectBooking(CAR_ID, "b-1", null, ADMIN))
                .expectEvents(new BookingRejected(CAR_ID, "b-1", CUSTOMER.userId(), OVER_THE_WEEKEND, null));
    }

    @Test
    void another_dealer_rejecting_a_booking_is_told_it_does_not_exist() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new RejectBooking(CAR_ID, "b-1", "mine now", OTHER_DEALER))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void a_customer_rejecting_a_booking_is_told_it_does_not_exist() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new RejectBooking(CAR_ID, "b-1", null, OTHER_CUSTOMER))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void approving_a_confirmed_booking_is_rejected_as_not_pending() {
        fixture.given(listed(), confirmed("b-1", OVER_THE_WEEKEND))
                .when(new ApproveBooking(CAR_ID, "b-1", DEALER))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING", Map.of("bookingStatus", "CONFIRMED")))
                .expectNoEvents();
    }

    @Test
    void rejecting_a_confirmed_booking_is_rejected_as_not_pending() {
        fixture.given(listed(), confirmed("b-1", OVER_THE_WEEKEND))
                .when(new RejectBooking(CAR_ID, "b-1", null, DEALER))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING", Map.of("bookingStatus", "CONFIRMED")))
                .expectNoEvents();
    }

    @Test
    void approving_an_approved_booking_again_is_rejected_as_not_pending() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND), approved("b-1"))
                .when(new ApproveBooking(CAR_ID, "b-1", DEALER))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING", Map.of("bookingStatus", "CONFIRMED")))
                .expectNoEvents();
    }

    @Test
    void approving_a_rejected_booking_is_rejected_as_not_pending() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND), rejected("b-1"))
                .when(new ApproveBooking(CAR_ID, "b-1", DEALER))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING", Map.of("bookingStatus", "REJECTED")))
                .expectNoEvents();
    }

    @Test
    void approving_an_expired_booking_is_rejected_as_not_pending() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND), expired("b-1"))
                .when(new ApproveBooking(CAR_ID, "b-1", DEALER))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING", Map.of("bookingStatus", "EXPIRED")))
                .expectNoEvents();
    }

    @Test
    void an_approved_booking_keeps_holding_its_dates() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND), approved("b-1"))
                .when(new BookCar(CAR_ID, "b-2", OTHER_CUSTOMER.userId(), new DateRange(june(13), june(14)), null))
                .expectException(rejectedAs(CONFLICT, "BOOKING_OVERLAP",
                        Map.of("conflictingStartDate", "2026-06-12", "conflictingEndDate", "2026-06-15")))
                .expectNoEvents();
    }

    @Test
    void the_dates_of_a_rejected_booking_are_free_again() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND), rejected("b-1"))
                .when(new BookCar(CAR_ID, "b-2", OTHER_CUSTOMER.userId(), OVER_THE_WEEKEND, null))
                .expectEvents(new CarBooked(CAR_ID, "b-2", OTHER_CUSTOMER.userId(), OVER_THE_WEEKEND,
                        BookingStatus.PENDING_APPROVAL, new BigDecimal("150.00"), EUR, null, APPROVAL_DEADLINE));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expiry of an unanswered booking
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void expiring_a_booking_before_its_approval_deadline_is_rejected_as_not_due() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)),
                        pendingUntil("b-1", OVER_THE_WEEKEND, NOW.plusSeconds(1)))
                .when(new ExpireBookingApproval(CAR_ID, "b-1"))
                .expectException(rejectedAs(CONFLICT, "NOT_DUE"))
                .expectNoEvents();
    }

    @Test
    void a_booking_made_now_is_not_yet_due_to_expire() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pending("b-1", OVER_THE_WEEKEND))
                .when(new ExpireBookingApproval(CAR_ID, "b-1"))
                .expectException(rejectedAs(CONFLICT, "NOT_DUE"))
                .expectNoEvents();
    }

    @Test
    void a_booking_expires_exactly_at_its_approval_deadline() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)), pendingUntil("b-1", OVER_THE_WEEKEND, NOW))
                .when(new ExpireBookingApproval(CAR_ID, "b-1"))
                .expectEvents(expired("b-1"));
    }

    @Test
    void a_booking_expires_after_its_approval_deadline() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)),
                        pendingUntil("b-1", OVER_THE_WEEKEND, NOW.minus(Duration.ofHours(3))))
                .when(new ExpireBookingApproval(CAR_ID, "b-1"))
                .expectEvents(new BookingApprovalExpired(CAR_ID, "b-1", CUSTOMER.userId(), OVER_THE_WEEKEND));
    }

    @Test
    void expiring_a_confirmed_booking_is_rejected_as_not_pending() {
        fixture.given(listed(), confirmed("b-1", OVER_THE_WEEKEND))
                .when(new ExpireBookingApproval(CAR_ID, "b-1"))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING"))
                .expectNoEvents();
    }

    @Test
    void expiring_an_approved_booking_after_its_old_deadline_is_rejected_as_not_pending() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)),
                        pendingUntil("b-1", OVER_THE_WEEKEND, NOW.minusSeconds(1)), approved("b-1"))
                .when(new ExpireBookingApproval(CAR_ID, "b-1"))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING"))
                .expectNoEvents();
    }

    @Test
    void expiring_a_rejected_booking_is_rejected_as_not_pending() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)),
                        pendingUntil("b-1", OVER_THE_WEEKEND, NOW.minusSeconds(1)), rejected("b-1"))
                .when(new ExpireBookingApproval(CAR_ID, "b-1"))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING"))
                .expectNoEvents();
    }

    @Test
    void expiring_an_already_expired_booking_is_rejected_as_not_pending() {
        fixture.given(listed(), peakWindows(weekdays(SATURDAY)),
                        pendingUntil("b-1", OVER_THE_WEEKEND, NOW.minusSeconds(1)), expired("b-1"))
                .when(new ExpireBookingApproval(CAR_ID, "b-1"))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING"))
                .expectNoEvents();
    }

    @Test
    void expiring_an_unknown_booking_is_rejected_as_not_pending() {
        fixture.given(listed())
                .when(new ExpireBookingApproval(CAR_ID, "b-404"))
                .expectException(rejectedAs(CONFLICT, "BOOKING_NOT_PENDING"))
                .expectNoEvents();
    }

    @Test
    void the_dates_of_an_expired_booking_are_free_again() {
        DateRange overlapping = new DateRange(june(14), june(16));

        fixture.given(listed(), peakWindows(weekdays(SATURDAY)),
                        pendingUntil("b-1", OVER_THE_WEEKEND, NOW.minusSeconds(1)), expired("b-1"))
                .when(new BookCar(CAR_ID, "b-2", OTHER_CUSTOMER.userId(), overlapping, null))
                .expectEvents(new CarBooked(CAR_ID, "b-2", OTHER_CUSTOMER.userId(), overlapping,
                        BookingStatus.CONFIRMED, new BigDecimal("100.00"), EUR, null, null));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures: car-1 of dealer-1 for rental in Berlin at EUR 50.00 a day; bookings by customer-1
    // ---------------------------------------------------------------------------------------------------------

    private static LocalDate june(int day) {
        return LocalDate.of(2026, 6, day);
    }

    private static LocalDate july(int day) {
        return LocalDate.of(2026, 7, day);
    }

    private static LocalDate august(int day) {
        return LocalDate.of(2026, 8, day);
    }

    private static CarListed listed() {
        return new CarListed(CAR_ID, DEALER.userId(), null, null,
                new Location("Berlin", null, null, ZoneId.of("Europe/Berlin")), List.of(),
                new Pricing(new BigDecimal("50.00"), null, EUR), 30, NOW);
    }

    private static PeakWindow weekdays(DayOfWeek... days) {
        return new PeakWindow(List.of(days), null, null);
    }

    private static PeakWindow dates(LocalDate from, LocalDate until) {
        return new PeakWindow(List.of(), from, until);
    }

    private static PeakWindowsDefined peakWindows(PeakWindow... windows) {
        return new PeakWindowsDefined(CAR_ID, List.of(windows));
    }

    private static BookCar book(String bookingId, DateRange period) {
        return new BookCar(CAR_ID, bookingId, CUSTOMER.userId(), period, null);
    }

    private static BigDecimal priceOf(DateRange period) {
        return new BigDecimal("50.00").multiply(BigDecimal.valueOf(period.days()));
    }

    private static CarBooked confirmed(String bookingId, DateRange period) {
        return new CarBooked(CAR_ID, bookingId, CUSTOMER.userId(), period, BookingStatus.CONFIRMED, priceOf(period),
                EUR, null, null);
    }

    /** Booked now, awaiting approval until 48 hours from now. */
    private static CarBooked pending(String bookingId, DateRange period) {
        return pendingUntil(bookingId, period, APPROVAL_DEADLINE);
    }

    private static CarBooked pendingUntil(String bookingId, DateRange period, Instant approvalDeadline) {
        return new CarBooked(CAR_ID, bookingId, CUSTOMER.userId(), period, BookingStatus.PENDING_APPROVAL,
                priceOf(period), EUR, null, approvalDeadline);
    }

    private static BookingApproved approved(String bookingId) {
        return new BookingApproved(CAR_ID, bookingId, CUSTOMER.userId(), OVER_THE_WEEKEND);
    }

    private static BookingRejected rejected(String bookingId) {
        return new BookingRejected(CAR_ID, bookingId, CUSTOMER.userId(), OVER_THE_WEEKEND, null);
    }

    private static BookingApprovalExpired expired(String bookingId) {
        return new BookingApprovalExpired(CAR_ID, bookingId, CUSTOMER.userId(), OVER_THE_WEEKEND);
    }
}
