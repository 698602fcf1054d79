package io.carmarket.command.car;

import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingReceipt;
import io.carmarket.api.car.BookingRejected;
import io.carmarket.api.car.BookingRescheduled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.PeakWindow;
import io.carmarket.api.car.PeakWindowsDefined;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.RescheduleBooking;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
import static io.carmarket.api.rejection.CommandRejection.Kind.INVALID;
import static io.carmarket.api.rejection.CommandRejection.Kind.NOT_FOUND;
import static io.carmarket.command.common.RuleViolationMatchers.rejectedAs;

/**
 * Specification of rescheduling a booking (invariant 4): before it starts, by its customer, the car's dealer or an
 * admin, to dates that obey invariants 1-3, where the booking's own old dates never stand in its way.
 * <p>
 * The clock is frozen at 2026-06-10T20:00Z, a Wednesday, still 10 June in the car's zone (Europe/Berlin). Booking b-1
 * of customer-1 holds 12-15 June at EUR 50.00 a day.
 */
class RescheduleBookingTest {

    private static final Instant NOW = Instant.parse("2026-06-10T20:00:00Z");
    private static final LocalDate TODAY = june(10);
    private static final String CAR_ID = "car-1";
    private static final String BOOKING_ID = "b-1";
    private static final DateRange ORIGINAL = new DateRange(june(12), june(15));
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
    // Moving to free dates
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_customer_moves_the_booking_to_free_dates_and_it_stays_confirmed() {
        DateRange later = new DateRange(june(22), june(25));

        fixture.given(listed(), booked())
                .when(rescheduleBy(CUSTOMER, later))
                .expectSuccessfulHandlerExecution()
                .expectEvents(rescheduled(later, BookingStatus.CONFIRMED, "150.00", null));
    }

    @Test
    void a_rescheduled_booking_answers_with_a_receipt_of_its_new_status_and_price() {
        fixture.given(listed(), booked())
                .when(rescheduleBy(CUSTOMER, new DateRange(june(22), june(24))))
                .expectResultMessagePayload(new BookingReceipt(BOOKING_ID, BookingStatus.CONFIRMED,
                        new BigDecimal("100.00"), EUR));
    }

    @Test
    void a_longer_booking_is_repriced_for_its_new_number_of_days() {
        DateRange week = new DateRange(june(12), june(19));

        fixture.given(listed(), booked())
                .when(rescheduleBy(CUSTOMER, week))
                .expectEvents(rescheduled(week, BookingStatus.CONFIRMED, "350.00", null));
    }

    @Test
    void a_rescheduled_booking_is_priced_at_the_daily_rate_of_now_not_of_when_it_was_booked() {
        DateRange later = new DateRange(june(22), june(25));

        fixture.given(listed(), booked(), new CarListingChanged(CAR_ID, dailyRate("60.00")))
                .when(rescheduleBy(CUSTOMER, later))
                .expectEvents(rescheduled(later, BookingStatus.CONFIRMED, "180.00", null));
    }

    @Test
    void a_booking_may_be_moved_onto_dates_overlapping_its_own_old_dates() {
        DateRange oneDayLater = new DateRange(june(13), june(16));

        fixture.given(listed(), booked())
                .when(rescheduleBy(CUSTOMER, oneDayLater))
                .expectEvents(rescheduled(oneDayLater, BookingStatus.CONFIRMED, "150.00", null));
    }

    @Test
    void a_booking_may_be_shortened_within_its_own_old_dates() {
        DateRange shorter = new DateRange(june(13), june(14));

        fixture.given(listed(), booked())
                .when(rescheduleBy(CUSTOMER, shorter))
                .expectEvents(rescheduled(shorter, BookingStatus.CONFIRMED, "50.00", null));
    }

    @Test
    void a_booking_may_be_moved_to_start_today() {
        DateRange fromToday = new DateRange(TODAY, june(12));

        fixture.given(listed(), booked())
                .when(rescheduleBy(CUSTOMER, fromToday))
                .expectEvents(rescheduled(fromToday, BookingStatus.CONFIRMED, "100.00", null));
    }

    @Test
    void the_old_dates_of_a_rescheduled_booking_are_free_for_others() {
        fixture.given(listed(), booked(), rescheduled(new DateRange(june(22), june(25)), BookingStatus.CONFIRMED,
                        "150.00", null))
                .when(new BookCar(CAR_ID, "b-2", OTHER_CUSTOMER.userId(), ORIGINAL, null))
                .expectEvents(new CarBooked(CAR_ID, "b-2", OTHER_CUSTOMER.userId(), ORIGINAL,
                        BookingStatus.CONFIRMED, new BigDecimal("150.00"), EUR, null, null));
    }

    @Test
    void the_new_dates_of_a_rescheduled_booking_are_held_against_others() {
        fixture.given(listed(), booked(), rescheduled(new DateRange(june(22), june(25)), BookingStatus.CONFIRMED,
                        "150.00", null))
                .when(new BookCar(CAR_ID, "b-2", OTHER_CUSTOMER.userId(), new DateRange(june(24), june(26)), null))
                .expectException(rejectedAs(CONFLICT, "BOOKING_OVERLAP",
                        Map.of("conflictingStartDate", "2026-06-22", "conflictingEndDate", "2026-06-25")))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Other bookings (invariant 1)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void moving_onto_the_dates_of_another_confirmed_booking_is_rejected_naming_them() {
        fixture.given(listed(), booked(), otherBooking(BookingStatus.CONFIRMED, june(20), june(25)))
                .when(rescheduleBy(CUSTOMER, new DateRange(june(18), june(21))))
                .expectException(rejectedAs(CONFLICT, "BOOKING_OVERLAP",
                        Map.of("conflictingStartDate", "2026-06-20", "conflictingEndDate", "2026-06-25")))
                .expectNoEvents();
    }

    @Test
    void moving_onto_the_dates_of_another_booking_awaiting_approval_is_rejected() {
        fixture.given(listed(), booked(), otherBooking(BookingStatus.PENDING_APPROVAL, june(20), june(25)))
                .when(rescheduleBy(CUSTOMER, new DateRange(june(22), june(23))))
                .expectException(rejectedAs(CONFLICT, "BOOKING_OVERLAP",
                        Map.of("conflictingStartDate", "2026-06-20", "conflictingEndDate", "2026-06-25")))
                .expectNoEvents();
    }

    @Test
    void extending_into_the_next_booking_is_rejected() {
        fixture.given(listed(), booked(), otherBooking(BookingStatus.CONFIRMED, june(15), june(18)))
                .when(rescheduleBy(CUSTOMER, new DateRange(june(12), june(16))))
                .expectException(rejectedAs(CONFLICT, "BOOKING_OVERLAP",
                        Map.of("conflictingStartDate", "2026-06-15", "conflictingEndDate", "2026-06-18")))
                .expectNoEvents();
    }

    @Test
    void moving_to_end_where_another_booking_starts_is_accepted_back_to_back() {
        DateRange backToBack = new DateRange(june(17), june(20));

        fixture.given(listed(), booked(), otherBooking(BookingStatus.CONFIRMED, june(20), june(25)))
                .when(rescheduleBy(CUSTOMER, backToBack))
                .expectEvents(rescheduled(backToBack, BookingStatus.CONFIRMED, "150.00", null));
    }

    @Test
    void moving_onto_the_dates_of_a_cancelled_booking_is_accepted() {
        DateRange cancelledDates = new DateRange(june(20), june(25));

        fixture.given(listed(), booked(), otherBooking(BookingStatus.CONFIRMED, june(20), june(25)),
                        new BookingCancelled(CAR_ID, "b-2", cancelledDates, BookingCancellationReason.ON_REQUEST,
                                null))
                .when(rescheduleBy(CUSTOMER, cancelledDates))
                .expectEvents(rescheduled(cancelledDates, BookingStatus.CONFIRMED, "250.00", null));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Booking rules (invariant 2)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void moving_to_an_end_date_on_the_start_date_is_rejected_as_an_invalid_period() {
        fixture.given(listed(), booked())
                .when(rescheduleBy(CUSTOMER, new DateRange(june(20), june(20))))
                .expectException(rejectedAs(INVALID, "INVALID_PERIOD"))
                .expectNoEvents();
    }

    @Test
    void moving_to_an_end_date_before_the_start_date_is_rejected_as_an_invalid_period() {
        fixture.given(listed(), booked())
                .when(rescheduleBy(CUSTOMER, new DateRange(june(20), june(18))))
                .expectException(rejectedAs(INVALID, "INVALID_PERIOD"))
                .expectNoEvents();
    }

    @Test
    void moving_to_start_before_today_is_rejected() {
        fixture.given(listed(), booked())
                .when(rescheduleBy(CUSTOMER, new DateRange(TODAY.minusDays(1), june(12))))
                .expectException(rejectedAs(INVALID, "START_DATE_IN_PAST"))
                .expectNoEvents();
    }

    @Test
    void moving_to_more_days_than_the_car_may_be_booked_for_is_rejected() {
        fixture.given(listedWithMaxBookingDays(7), booked())
                .when(rescheduleBy(CUSTOMER, new DateRange(june(12), june(20))))
                .expectException(rejectedAs(INVALID, "BOOKING_TOO_LONG"))
                .expectNoEvents();
    }

    @Test
    void moving_to_exactly_the_max_booking_days_is_accepted() {
        DateRange week = new DateRange(june(12), june(19));

        fixture.given(listedWithMaxBookingDays(7), booked())
                .when(rescheduleBy(CUSTOMER, week))
                .expectEvents(rescheduled(week, BookingStatus.CONFIRMED, "350.00", null));
    }

    @Test
    void a_booking_of_a_withdrawn_car_cannot_be_rescheduled() {
        fixture.given(listed(), booked(), new CarWithdrawn(CAR_ID))
                .when(rescheduleBy(CUSTOMER, new DateRange(june(22), june(25))))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_BOOKABLE", Map.of("carStatus", "WITHDRAWN")))
                .expectNoEvents();
    }

    @Test
    void a_booking_of_a_reserved_car_cannot_be_moved_to_start_after_the_handover() {
        fixture.given(listedForSaleToo(), booked(), reservedWithHandoverOn(june(20)))
                .when(rescheduleBy(CUSTOMER, new DateRange(june(21), june(23))))
                .expectException(rejectedAs(CONFLICT, "CAR_RESERVED", Map.of("handoverDate", "2026-06-20")))
                .expectNoEvents();
    }

    @Test
    void a_booking_of_a_reserved_car_may_be_moved_to_start_on_the_handover_date() {
        DateRange onHandover = new DateRange(june(20), june(21));

        fixture.given(listedForSaleToo(), booked(), reservedWithHandoverOn(june(20)))
                .when(rescheduleBy(CUSTOMER, onHandover))
                .expectEvents(rescheduled(onHandover, BookingStatus.CONFIRMED, "50.00", null));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Peak windows (invariant 3)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void moving_onto_a_peak_day_makes_the_booking_await_approval_until_48_hours_from_now() {
        DateRange saturday = new DateRange(june(20), june(21));

        fixture.given(listed(), booked(), saturdaysArePeak())
                .when(rescheduleBy(CUSTOMER, saturday))
                .expectEvents(rescheduled(saturday, BookingStatus.PENDING_APPROVAL, "50.00",
                        NOW.plus(Duration.ofHours(48))));
    }

    @Test
    void a_booking_moved_onto_a_peak_day_answers_with_a_pending_receipt() {
        fixture.given(listed(), booked(), saturdaysArePeak())
                .when(rescheduleBy(CUSTOMER, new DateRange(june(20), june(21))))
                .expectResultMessagePayload(new BookingReceipt(BOOKING_ID, BookingStatus.PENDING_APPROVAL,
                        new BigDecimal("50.00"), EUR));
    }

    @Test
    void moving_a_booking_awaiting_approval_off_the_peak_days_confirms_it_without_a_deadline() {
        DateRange weekdays = new DateRange(june(15), june(18));
        CarBooked pendingOverTheWeekend = new CarBooked(CAR_ID, BOOKING_ID, CUSTOMER.userId(), ORIGINAL,
                BookingStatus.PENDING_APPROVAL, new BigDecimal("150.00"), EUR, null, NOW.plus(Duration.ofHours(40)));

        fixture.given(listed(), saturdaysArePeak(), pendingOverTheWeekend)
                .when(rescheduleBy(CUSTOMER, weekdays))
                .expectEvents(rescheduled(weekdays, BookingStatus.CONFIRMED, "150.00", null));
    }

    @Test
    void a_booking_confirmed_before_the_peak_windows_were_defined_awaits_approval_once_moved_onto_a_peak_day() {
        DateRange stillOverTheWeekend = new DateRange(june(13), june(15));

        fixture.given(listed(), booked(), saturdaysArePeak())
                .when(rescheduleBy(CUSTOMER, stillOverTheWeekend))
                .expectEvents(rescheduled(stillOverTheWeekend, BookingStatus.PENDING_APPROVAL, "100.00",
                        NOW.plus(Duration.ofHours(48))));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Before the start date only
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_booking_can_still_be_rescheduled_the_day_before_it_starts() {
        DateRange tomorrow = new DateRange(june(11), june(13));
        DateRange later = new DateRange(june(22), june(24));

        fixture.given(listed(), bookedFor(tomorrow))
                .when(rescheduleBy(CUSTOMER, later))
                .expectEvents(new BookingRescheduled(CAR_ID, BOOKING_ID, CUSTOMER.userId(), tomorrow, later,
                        BookingStatus.CONFIRMED, new BigDecimal("100.00"), EUR, null));
    }

    @Test
    void a_booking_cannot_be_rescheduled_on_its_start_date() {
        fixture.given(listed(), bookedFor(new DateRange(TODAY, june(13))))
                .when(rescheduleBy(CUSTOMER, new DateRange(june(22), june(25))))
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_STARTED"))
                .expectNoEvents();
    }

    @Test
    void a_booking_cannot_be_rescheduled_after_its_start_date() {
        fixture.given(listed(), bookedFor(new DateRange(june(8), june(13))))
                .when(rescheduleBy(CUSTOMER, new DateRange(june(22), june(25))))
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_STARTED"))
                .expectNoEvents();
    }

    @Test
    void a_booking_cannot_be_rescheduled_by_its_dealer_on_its_start_date_either() {
        fixture.given(listed(), bookedFor(new DateRange(TODAY, june(13))))
                .when(rescheduleBy(DEALER, new DateRange(june(22), june(25))))
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_STARTED"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Who may reschedule
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_cars_dealer_may_reschedule_a_booking_and_it_stays_the_customers() {
        DateRange later = new DateRange(june(22), june(25));

        fixture.given(listed(), booked())
                .when(rescheduleBy(DEALER, later))
                .expectEvents(rescheduled(later, BookingStatus.CONFIRMED, "150.00", null));
    }

    @Test
    void an_admin_may_reschedule_any_booking() {
        DateRange later = new DateRange(june(22), june(25));

        fixture.given(listed(), booked())
                .when(rescheduleBy(ADMIN, later))
                .expectEvents(rescheduled(later, BookingStatus.CONFIRMED, "150.00", null));
    }

    @Test
    void another_customer_rescheduling_the_booking_is_told_it_does_not_exist() {
        fixture.given(listed(), booked())
                .when(rescheduleBy(OTHER_CUSTOMER, new DateRange(june(22), june(25))))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void another_dealer_rescheduling_the_booking_is_told_it_does_not_exist() {
        fixture.given(listed(), booked())
                .when(rescheduleBy(OTHER_DEALER, new DateRange(june(22), june(25))))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void rescheduling_an_unknown_booking_is_rejected_as_not_found() {
        fixture.given(listed(), booked())
                .when(new RescheduleBooking(CAR_ID, "b-404", new DateRange(june(22), june(25)), DEALER))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void another_customer_rescheduling_a_cancelled_booking_is_told_it_does_not_exist() {
        fixture.given(listed(), booked(), cancelled())
                .when(rescheduleBy(OTHER_CUSTOMER, new DateRange(june(22), june(25))))
                .expectException(rejectedAs(NOT_FOUND, "BOOKING_NOT_FOUND"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bookings that are no longer live
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void rescheduling_a_cancelled_booking_is_rejected_as_already_cancelled() {
        fixture.given(listed(), booked(), cancelled())
                .when(rescheduleBy(CUSTOMER, new DateRange(june(22), june(25))))
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_CANCELLED",
                        Map.of("bookingStatus", "CANCELLED")))
                .expectNoEvents();
    }

    @Test
    void rescheduling_a_rejected_booking_is_rejected_as_already_rejected() {
        fixture.given(listed(), saturdaysArePeak(), pendingBooking(),
                        new BookingRejected(CAR_ID, BOOKING_ID, CUSTOMER.userId(), ORIGINAL, null))
                .when(rescheduleBy(CUSTOMER, new DateRange(june(15), june(18))))
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_REJECTED",
                        Map.of("bookingStatus", "REJECTED")))
                .expectNoEvents();
    }

    @Test
    void rescheduling_an_expired_booking_is_rejected_as_already_expired() {
        fixture.given(listed(), saturdaysArePeak(), pendingBooking(),
                        new BookingApprovalExpired(CAR_ID, BOOKING_ID, CUSTOMER.userId(), ORIGINAL))
                .when(rescheduleBy(CUSTOMER, new DateRange(june(15), june(18))))
                .expectException(rejectedAs(CONFLICT, "BOOKING_ALREADY_EXPIRED",
                        Map.of("bookingStatus", "EXPIRED")))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures: car-1 of dealer-1 for rental in Berlin at EUR 50.00 a day; b-1 of customer-1 for 12-15 June
    // ---------------------------------------------------------------------------------------------------------

    private static LocalDate june(int day) {
        return LocalDate.of(2026, 6, day);
    }

    private static CarListed listed() {
        return listed(new Pricing(new BigDecimal("50.00"), null, EUR), 30);
    }

    private static CarListed listedWithMaxBookingDays(int maxBookingDays) {
        return listed(new Pricing(new BigDecimal("50.00"), null, EUR), maxBookingDays);
    }

    private static CarListed listedForSaleToo() {
        return listed(new Pricing(new BigDecimal("50.00"), new BigDecimal("20000.00"), EUR), 30);
    }

    private static CarListed listed(Pricing pricing, int maxBookingDays) {
        return new CarListed(CAR_ID, DEALER.userId(), null, null,
                new Location("Berlin", null, null, ZoneId.of("Europe/Berlin")), List.of(), pricing, maxBookingDays,
                NOW);
    }

    private static ListingChanges dailyRate(String amount) {
        return new ListingChanges(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                new BigDecimal(amount), null, null);
    }

    private static PeakWindowsDefined saturdaysArePeak() {
        return new PeakWindowsDefined(CAR_ID, List.of(new PeakWindow(List.of(DayOfWeek.SATURDAY), null, null)));
    }

    private static PurchaseReserved reservedWithHandoverOn(LocalDate handoverDate) {
        BigDecimal price = new BigDecimal("20000.00");
        return new PurchaseReserved(CAR_ID, "r-1", "ORD-2026-000001", OTHER_CUSTOMER.userId(),
                PaymentMethod.FULL_PAYMENT, null, null, price, price, null, EUR, handoverDate,
                NOW.plus(Duration.ofDays(7)));
    }

    private static RescheduleBooking rescheduleBy(Actor actor, DateRange newPeriod) {
        return new RescheduleBooking(CAR_ID, BOOKING_ID, newPeriod, actor);
    }

    private static CarBooked booked() {
        return bookedFor(ORIGINAL);
    }

    private static CarBooked bookedFor(DateRange period) {
        return new CarBooked(CAR_ID, BOOKING_ID, CUSTOMER.userId(), period, BookingStatus.CONFIRMED,
                new BigDecimal("50.00").multiply(BigDecimal.valueOf(period.days())), EUR, null, null);
    }

    private static CarBooked pendingBooking() {
        return new CarBooked(CAR_ID, BOOKING_ID, CUSTOMER.userId(), ORIGINAL, BookingStatus.PENDING_APPROVAL,
                new BigDecimal("150.00"), EUR, null, NOW.plus(Duration.ofHours(48)));
    }

    private static CarBooked otherBooking(BookingStatus status, LocalDate startDate, LocalDate endDate) {
        DateRange period = new DateRange(startDate, endDate);
        return new CarBooked(CAR_ID, "b-2", OTHER_CUSTOMER.userId(), period, status,
                new BigDecimal("50.00").multiply(BigDecimal.valueOf(period.days())), EUR, null,
                status == BookingStatus.PENDING_APPROVAL ? NOW.plus(Duration.ofHours(48)) : null);
    }

    private static BookingCancelled cancelled() {
        return new BookingCancelled(CAR_ID, BOOKING_ID, ORIGINAL, BookingCancellationReason.ON_REQUEST, null);
    }

    /** b-1 moved from 12-15 June to {@code period}. */
    private static BookingRescheduled rescheduled(DateRange period, BookingStatus status, String totalPrice,
                                                  Instant approvalDeadline) {
        return new BookingRescheduled(CAR_ID, BOOKING_ID, CUSTOMER.userId(), ORIGINAL, period, status,
                new BigDecimal(totalPrice), EUR, approvalDeadline);
    }
}
