package io.carmarket.command.car;

import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.purchase.CancelPurchaseReservation;
import io.carmarket.api.car.purchase.CompletePurchase;
import io.carmarket.api.car.purchase.ConfirmPurchaseReservation;
import io.carmarket.api.car.purchase.ExpirePurchaseReservation;
import io.carmarket.api.car.purchase.Financing;
import io.carmarket.api.car.purchase.InspectionScheduled;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseCompleted;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationConfirmed;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReservationReceipt;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.car.purchase.ReservePurchase;
import io.carmarket.api.car.purchase.ScheduleInspection;
import io.carmarket.api.car.purchase.TradeIn;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
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
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

/**
 * Specification of reserving a car for purchase (invariant 5): the customer's reservation and what it costs, at most
 * one live reservation per car, the dealer's steps PENDING -> CONFIRMED -> INSPECTION_SCHEDULED -> COMPLETED, the sale,
 * cancellation, and the expiry of an unconfirmed reservation after 7 days.
 * <p>
 * The clock is frozen at 2026-06-10T20:00Z, a Wednesday, still 10 June in the car's zone (Europe/Berlin). The car is
 * dealer-1's, for sale at EUR 20000.00 and for rental at EUR 50.00 a day; customer-1 reserves it as r-1 for a
 * handover on 20 June.
 */
class PurchaseReservationTest {

    private static final Instant NOW = Instant.parse("2026-06-10T20:00:00Z");
    private static final Instant EXPIRES_AT = Instant.parse("2026-06-17T20:00:00Z");
    private static final LocalDate TODAY = june(10);
    private static final LocalDate HANDOVER = june(20);
    private static final String CAR_ID = "car-1";
    private static final String RESERVATION_ID = "r-1";
    private static final String ORDER_NUMBER = "ORD-2026-000001";
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BigDecimal ASKING_PRICE = new BigDecimal("20000.00");

    private static final Actor DEALER = new Actor("dealer-1", Role.DEALER);
    private static final Actor OTHER_DEALER = new Actor("dealer-2", Role.DEALER);
    private static final Actor CUSTOMER = new Actor("customer-1", Role.CUSTOMER);
    private static final Actor OTHER_CUSTOMER = new Actor("customer-2", Role.CUSTOMER);
    private static final Actor ADMIN = new Actor("admin-1", Role.ADMIN);

    private static final TradeIn OLD_POLO = new TradeIn("Volkswagen", "Polo", 2015, 120_000, new BigDecimal("3500.00"));

    private AggregateTestFixture<Car> fixture;

    @BeforeEach
    void setUp() {
        fixture = CarFixtures.at(NOW);
    }


    // ---------------------------------------------------------------------------------------------------------
    // Reserving: what it costs
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_full_payment_reservation_costs_the_asking_price_and_finances_nothing() {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                        PaymentMethod.FULL_PAYMENT, null, null, ASKING_PRICE, ASKING_PRICE, null, EUR, HANDOVER,
                        EXPIRES_AT));
    }

    @Test
    void a_reservation_answers_with_its_order_number_total_and_pending_status() {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, null, null))
                .expectResultMessagePayload(new PurchaseReservationReceipt(RESERVATION_ID, ORDER_NUMBER,
                        ASKING_PRICE, EUR, PurchaseReservationStatus.PENDING));
    }

    @Test
    void an_unconfirmed_reservation_is_due_to_expire_seven_days_after_it_was_made() {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, null, null))
                .expectEvents(fullPayment(ASKING_PRICE, ASKING_PRICE, null, NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void a_financed_reservation_finances_the_total_less_the_deposit() {
        Financing financing = new Financing(new BigDecimal("5000.00"), 48);

        fixture.given(listed())
                .when(reserve(PaymentMethod.FINANCE, financing, null, null))
                .expectEvents(new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                        PaymentMethod.FINANCE, financing, null, ASKING_PRICE, ASKING_PRICE,
                        new BigDecimal("15000.00"), EUR, HANDOVER, EXPIRES_AT));
    }

    @Test
    void a_trade_in_is_credited_against_the_total_of_a_full_payment() {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, OLD_POLO, null))
                .expectEvents(new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                        PaymentMethod.FULL_PAYMENT, null, OLD_POLO, ASKING_PRICE, new BigDecimal("16500.00"), null,
                        EUR, HANDOVER, EXPIRES_AT));
    }

    @Test
    void a_financed_reservation_with_a_trade_in_finances_the_credited_total_less_the_deposit() {
        Financing financing = new Financing(new BigDecimal("1500.00"), 60);

        fixture.given(listed())
                .when(reserve(PaymentMethod.FINANCE, financing, OLD_POLO, null))
                .expectEvents(new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                        PaymentMethod.FINANCE, financing, OLD_POLO, ASKING_PRICE, new BigDecimal("16500.00"),
                        new BigDecimal("15000.00"), EUR, HANDOVER, EXPIRES_AT));
    }

    @Test
    void a_trade_in_worth_more_than_the_price_brings_the_total_to_zero_and_never_below() {
        TradeIn porsche = new TradeIn("Porsche", "911", 2020, 30_000, new BigDecimal("85000.00"));

        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, porsche, null))
                .expectEvents(new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                        PaymentMethod.FULL_PAYMENT, null, porsche, ASKING_PRICE, new BigDecimal("0.00"), null, EUR,
                        HANDOVER, EXPIRES_AT));
    }

    @Test
    void a_trade_in_worth_nothing_is_accepted_and_credits_nothing() {
        TradeIn wreck = new TradeIn("Trabant", "601", 1988, 310_000, BigDecimal.ZERO);

        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, wreck, null))
                .expectEvents(new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                        PaymentMethod.FULL_PAYMENT, null, wreck, ASKING_PRICE, ASKING_PRICE, null, EUR, HANDOVER,
                        EXPIRES_AT));
    }

    @Test
    void an_agreed_price_overrides_the_asking_price() {
        BigDecimal agreed = new BigDecimal("18500.00");

        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, null, agreed))
                .expectEvents(fullPayment(agreed, agreed, null, EXPIRES_AT))
                .expectResultMessagePayload(new PurchaseReservationReceipt(RESERVATION_ID, ORDER_NUMBER, agreed,
                        EUR, PurchaseReservationStatus.PENDING));
    }

    @Test
    void a_deposit_of_the_whole_total_finances_nothing() {
        Financing financing = new Financing(ASKING_PRICE, 12);

        fixture.given(listed())
                .when(reserve(PaymentMethod.FINANCE, financing, null, null))
                .expectEvents(new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                        PaymentMethod.FINANCE, financing, null, ASKING_PRICE, ASKING_PRICE, new BigDecimal("0.00"),
                        EUR, HANDOVER, EXPIRES_AT));
    }

    @ParameterizedTest(name = "{0} months")
    @ValueSource(ints = {6, 120})
    void a_loan_term_at_either_end_of_6_to_120_months_is_accepted(int termMonths) {
        Financing financing = new Financing(new BigDecimal("5000.00"), termMonths);

        fixture.given(listed())
                .when(reserve(PaymentMethod.FINANCE, financing, null, null))
                .expectEvents(new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                        PaymentMethod.FINANCE, financing, null, ASKING_PRICE, ASKING_PRICE,
                        new BigDecimal("15000.00"), EUR, HANDOVER, EXPIRES_AT));
    }

    @Test
    void a_handover_today_is_accepted() {
        fixture.given(listed())
                .when(new ReservePurchase(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER, PaymentMethod.FULL_PAYMENT,
                        null, null, TODAY, null))
                .expectEvents(new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                        PaymentMethod.FULL_PAYMENT, null, null, ASKING_PRICE, ASKING_PRICE, null, EUR, TODAY,
                        EXPIRES_AT));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reserving: refusals
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_cars_own_dealer_cannot_reserve_it() {
        fixture.given(listed())
                .when(new ReservePurchase(CAR_ID, RESERVATION_ID, ORDER_NUMBER, DEALER, PaymentMethod.FULL_PAYMENT,
                        null, null, HANDOVER, null))
                .expectException(rejectedAs(FORBIDDEN, "OWN_CAR"))
                .expectNoEvents();
    }

    @Test
    void a_second_reservation_while_one_is_live_is_rejected() {
        fixture.given(listed(), reserved())
                .when(reserveAs("r-2", OTHER_CUSTOMER))
                .expectException(rejectedAs(CONFLICT, "CAR_ALREADY_RESERVED"))
                .expectNoEvents();
    }

    @Test
    void a_second_reservation_while_one_is_confirmed_is_rejected() {
        fixture.given(listed(), reserved(), confirmed())
                .when(reserveAs("r-2", OTHER_CUSTOMER))
                .expectException(rejectedAs(CONFLICT, "CAR_ALREADY_RESERVED"))
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_car_cannot_be_reserved() {
        fixture.given(listed(), new CarWithdrawn(CAR_ID))
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, null, null))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_AVAILABLE", Map.of("carStatus", "WITHDRAWN")))
                .expectNoEvents();
    }

    @Test
    void a_car_offered_for_rental_only_cannot_be_reserved() {
        fixture.given(listedRentalOnly())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, null, null))
                .expectException(rejectedAs(CONFLICT, "CAR_NOT_FOR_SALE"))
                .expectNoEvents();
    }

    @Test
    void a_handover_before_today_is_rejected() {
        fixture.given(listed())
                .when(new ReservePurchase(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER, PaymentMethod.FULL_PAYMENT,
                        null, null, TODAY.minusDays(1), null))
                .expectException(rejectedAs(INVALID, "HANDOVER_IN_PAST"))
                .expectNoEvents();
    }

    @Test
    void a_reservation_without_a_handover_date_is_rejected() {
        fixture.given(listed())
                .when(new ReservePurchase(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER, PaymentMethod.FULL_PAYMENT,
                        null, null, null, null))
                .expectException(rejectedAs(INVALID, "HANDOVER_IN_PAST"))
                .expectNoEvents();
    }

    @Test
    void a_reservation_without_a_payment_method_is_rejected() {
        fixture.given(listed())
                .when(reserve(null, null, null, null))
                .expectException(rejectedAs(INVALID, "PAYMENT_METHOD_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void a_financed_reservation_without_financing_terms_is_rejected() {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FINANCE, null, null, null))
                .expectException(rejectedAs(INVALID, "FINANCING_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void a_financed_reservation_without_a_deposit_is_rejected() {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FINANCE, new Financing(null, 48), null, null))
                .expectException(rejectedAs(INVALID, "FINANCING_REQUIRED"))
                .expectNoEvents();
    }

    @Test
    void a_deposit_above_the_total_is_rejected() {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FINANCE, new Financing(new BigDecimal("20000.01"), 48), null, null))
                .expectException(rejectedAs(INVALID, "INVALID_DEPOSIT"))
                .expectNoEvents();
    }

    @Test
    void a_deposit_above_the_total_after_the_trade_in_credit_is_rejected() {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FINANCE, new Financing(new BigDecimal("17000.00"), 48), OLD_POLO, null))
                .expectException(rejectedAs(INVALID, "INVALID_DEPOSIT"))
                .expectNoEvents();
    }

    @Test
    void a_negative_deposit_is_rejected() {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FINANCE, new Financing(new BigDecimal("-1.00"), 48), null, null))
                .expectException(rejectedAs(INVALID, "INVALID_DEPOSIT"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "{0} months")
    @ValueSource(ints = {0, 5, 121, 360})
    void a_loan_term_outside_6_to_120_months_is_rejected(int termMonths) {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FINANCE, new Financing(new BigDecimal("5000.00"), termMonths), null,
                        null))
                .expectException(rejectedAs(INVALID, "INVALID_LOAN_TERM"))
                .expectNoEvents();
    }

    @Test
    void financing_terms_with_a_full_payment_are_rejected() {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, new Financing(new BigDecimal("5000.00"), 48), null, null))
                .expectException(rejectedAs(INVALID, "FINANCING_NOT_ALLOWED"))
                .expectNoEvents();
    }

    @Test
    void a_trade_in_of_negative_value_is_rejected() {
        TradeIn negative = new TradeIn("Lada", "Niva", 1990, 400_000, new BigDecimal("-100.00"));

        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, negative, null))
                .expectException(rejectedAs(INVALID, "INVALID_TRADE_IN"))
                .expectNoEvents();
    }

    @Test
    void a_trade_in_without_a_value_is_rejected() {
        TradeIn unvalued = new TradeIn("Lada", "Niva", 1990, 400_000, null);

        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, unvalued, null))
                .expectException(rejectedAs(INVALID, "INVALID_TRADE_IN"))
                .expectNoEvents();
    }

    @ParameterizedTest(name = "agreedPrice {0}")
    @ValueSource(strings = {"0", "0.00", "-18500.00"})
    void an_agreed_price_of_zero_or_less_is_rejected(String agreedPrice) {
        fixture.given(listed())
                .when(reserve(PaymentMethod.FULL_PAYMENT, null, null, new BigDecimal(agreedPrice)))
                .expectException(rejectedAs(INVALID, "PRICE_NOT_POSITIVE"))
                .expectNoEvents();
    }

    @Test
    void reusing_the_id_of_a_closed_reservation_is_rejected() {
        fixture.given(listed(), reserved(), cancelledBy("changed mind"))
                .when(reserveAs(RESERVATION_ID, OTHER_CUSTOMER))
                .expectException(rejectedAs(CONFLICT, "DUPLICATE_RESERVATION_ID"))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The dealer's steps
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_cars_dealer_confirms_a_pending_reservation() {
        fixture.given(listed(), reserved())
                .when(new ConfirmPurchaseReservation(CAR_ID, RESERVATION_ID, DEALER))
                .expectEvents(confirmed());
    }

    @Test
    void an_admin_confirms_a_pending_reservation() {
        fixture.given(listed(), reserved())
                .when(new ConfirmPurchaseReservation(CAR_ID, RESERVATION_ID, ADMIN))
                .expectEvents(confirmed());
    }

    @Test
    void the_cars_dealer_schedules_the_inspection_of_a_confirmed_reservation() {
        fixture.given(listed(), reserved(), confirmed())
                .when(new ScheduleInspection(CAR_ID, RESERVATION_ID, june(15), DEALER))
                .expectEvents(new InspectionScheduled(CAR_ID, RESERVATION_ID, CUSTOMER.userId(), june(15)));
    }

    @Test
    void an_inspection_may_be_scheduled_for_today() {
        fixture.given(listed(), reserved(), confirmed())
                .when(new ScheduleInspection(CAR_ID, RESERVATION_ID, TODAY, ADMIN))
                .expectEvents(new InspectionScheduled(CAR_ID, RESERVATION_ID, CUSTOMER.userId(), TODAY));
    }

    @Test
    void an_inspection_before_today_is_rejected() {
        fixture.given(listed(), reserved(), confirmed())
                .when(new ScheduleInspection(CAR_ID, RESERVATION_ID, TODAY.minusDays(1), DEALER))
                .expectException(rejectedAs(INVALID, "INSPECTION_IN_PAST"))
                .expectNoEvents();
    }

    @Test
    void completing_an_inspected_reservation_completes_the_purchase_and_sells_the_car() {
        fixture.given(listed(), reserved(), confirmed(), inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEvents(completed(ASKING_PRICE), sold(ASKING_PRICE));
    }

    @Test
    void an_admin_may_complete_the_purchase() {
        fixture.given(listed(), reserved(), confirmed(), inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, ADMIN))
                .expectEvents(completed(ASKING_PRICE), sold(ASKING_PRICE));
    }

    @Test
    void the_sale_records_the_cars_price_and_the_completion_the_total_after_the_trade_in_credit() {
        fixture.given(listed(), new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                                PaymentMethod.FULL_PAYMENT, null, OLD_POLO, ASKING_PRICE, new BigDecimal("16500.00"),
                                null, EUR, HANDOVER, EXPIRES_AT),
                        confirmed(), inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEvents(completed(new BigDecimal("16500.00")), sold(ASKING_PRICE));
    }

    @Test
    void scheduling_an_inspection_of_a_pending_reservation_is_rejected_as_the_wrong_state() {
        fixture.given(listed(), reserved())
                .when(new ScheduleInspection(CAR_ID, RESERVATION_ID, june(15), DEALER))
                .expectException(rejectedAs(CONFLICT, "INVALID_RESERVATION_STATE",
                        Map.of("reservationStatus", "PENDING")))
                .expectNoEvents();
    }

    @Test
    void completing_a_pending_reservation_is_rejected_as_the_wrong_state() {
        fixture.given(listed(), reserved())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "INVALID_RESERVATION_STATE",
                        Map.of("reservationStatus", "PENDING")))
                .expectNoEvents();
    }

    @Test
    void completing_a_confirmed_but_uninspected_reservation_is_rejected_as_the_wrong_state() {
        fixture.given(listed(), reserved(), confirmed())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "INVALID_RESERVATION_STATE",
                        Map.of("reservationStatus", "CONFIRMED")))
                .expectNoEvents();
    }

    @Test
    void confirming_a_confirmed_reservation_again_is_rejected_as_the_wrong_state() {
        fixture.given(listed(), reserved(), confirmed())
                .when(new ConfirmPurchaseReservation(CAR_ID, RESERVATION_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "INVALID_RESERVATION_STATE",
                        Map.of("reservationStatus", "CONFIRMED")))
                .expectNoEvents();
    }

    @Test
    void scheduling_a_second_inspection_is_rejected_as_the_wrong_state() {
        fixture.given(listed(), reserved(), confirmed(), inspectionScheduled())
                .when(new ScheduleInspection(CAR_ID, RESERVATION_ID, june(16), DEALER))
                .expectException(rejectedAs(CONFLICT, "INVALID_RESERVATION_STATE",
                        Map.of("reservationStatus", "INSPECTION_SCHEDULED")))
                .expectNoEvents();
    }

    @Test
    void the_customer_confirming_their_own_reservation_is_forbidden() {
        fixture.given(listed(), reserved())
                .when(new ConfirmPurchaseReservation(CAR_ID, RESERVATION_ID, CUSTOMER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @Test
    void the_customer_scheduling_the_inspection_is_forbidden() {
        fixture.given(listed(), reserved(), confirmed())
                .when(new ScheduleInspection(CAR_ID, RESERVATION_ID, june(15), CUSTOMER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @Test
    void the_customer_completing_the_purchase_is_forbidden() {
        fixture.given(listed(), reserved(), confirmed(), inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, CUSTOMER))
                .expectException(rejectedAs(FORBIDDEN, "NOT_CAR_OWNER"))
                .expectNoEvents();
    }

    @Test
    void another_customer_confirming_the_reservation_is_told_it_does_not_exist() {
        fixture.given(listed(), reserved())
                .when(new ConfirmPurchaseReservation(CAR_ID, RESERVATION_ID, OTHER_CUSTOMER))
                .expectException(rejectedAs(NOT_FOUND, "RESERVATION_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void another_dealer_confirming_the_reservation_is_told_it_does_not_exist() {
        fixture.given(listed(), reserved())
                .when(new ConfirmPurchaseReservation(CAR_ID, RESERVATION_ID, OTHER_DEALER))
                .expectException(rejectedAs(NOT_FOUND, "RESERVATION_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void another_dealer_completing_the_purchase_is_told_it_does_not_exist() {
        fixture.given(listed(), reserved(), confirmed(), inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, OTHER_DEALER))
                .expectException(rejectedAs(NOT_FOUND, "RESERVATION_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void confirming_an_unknown_reservation_is_rejected_as_not_found() {
        fixture.given(listed(), reserved())
                .when(new ConfirmPurchaseReservation(CAR_ID, "r-404", DEALER))
                .expectException(rejectedAs(NOT_FOUND, "RESERVATION_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void confirming_a_cancelled_reservation_is_rejected_as_closed() {
        fixture.given(listed(), reserved(), cancelledBy(null))
                .when(new ConfirmPurchaseReservation(CAR_ID, RESERVATION_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "RESERVATION_CLOSED", Map.of("reservationStatus", "CANCELLED")))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // The sale cancels the bookings after it
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_sale_cancels_a_confirmed_booking_starting_after_today_for_the_reason_car_sold() {
        DateRange future = new DateRange(june(15), june(18));

        fixture.given(listed(), booked("b-1", future, BookingStatus.CONFIRMED), reserved(), confirmed(),
                        inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEvents(completed(ASKING_PRICE), sold(ASKING_PRICE),
                        new BookingCancelled(CAR_ID, "b-1", future, BookingCancellationReason.CAR_SOLD, null));
    }

    @Test
    void the_sale_cancels_a_booking_awaiting_approval_that_starts_after_today() {
        DateRange future = new DateRange(june(13), june(14));

        fixture.given(listed(), booked("b-1", future, BookingStatus.PENDING_APPROVAL), reserved(), confirmed(),
                        inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEvents(completed(ASKING_PRICE), sold(ASKING_PRICE),
                        new BookingCancelled(CAR_ID, "b-1", future, BookingCancellationReason.CAR_SOLD, null));
    }

    @Test
    void the_sale_cancels_a_booking_starting_tomorrow() {
        DateRange tomorrow = new DateRange(june(11), june(12));

        fixture.given(listed(), booked("b-1", tomorrow, BookingStatus.CONFIRMED), reserved(), confirmed(),
                        inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEvents(completed(ASKING_PRICE), sold(ASKING_PRICE),
                        new BookingCancelled(CAR_ID, "b-1", tomorrow, BookingCancellationReason.CAR_SOLD, null));
    }

    @Test
    void the_sale_cancels_every_live_booking_after_today() {
        DateRange first = new DateRange(june(11), june(13));
        DateRange second = new DateRange(june(15), june(18));
        DateRange third = new DateRange(june(18), june(20));

        fixture.given(listed(), booked("b-1", first, BookingStatus.CONFIRMED),
                        booked("b-2", second, BookingStatus.CONFIRMED),
                        booked("b-3", third, BookingStatus.PENDING_APPROVAL), reserved(), confirmed(),
                        inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEventsMatching(payloadsMatching(listOf(containsInAnyOrder(
                        equalTo(completed(ASKING_PRICE)), equalTo(sold(ASKING_PRICE)),
                        equalTo(new BookingCancelled(CAR_ID, "b-1", first, BookingCancellationReason.CAR_SOLD, null)),
                        equalTo(new BookingCancelled(CAR_ID, "b-2", second, BookingCancellationReason.CAR_SOLD,
                                null)),
                        equalTo(new BookingCancelled(CAR_ID, "b-3", third, BookingCancellationReason.CAR_SOLD,
                                null))))));
    }

    @Test
    void the_sale_announces_the_completed_purchase_and_the_sold_car_before_the_cancellations() {
        fixture.given(listed(), booked("b-1", new DateRange(june(11), june(13)), BookingStatus.CONFIRMED),
                        booked("b-2", new DateRange(june(15), june(18)), BookingStatus.CONFIRMED), reserved(),
                        confirmed(), inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEventsMatching(payloadsMatching(listOf(contains(equalTo(completed(ASKING_PRICE)),
                        equalTo(sold(ASKING_PRICE)), instanceOf(BookingCancelled.class),
                        instanceOf(BookingCancelled.class)))));
    }

    @Test
    void the_sale_does_not_cancel_a_booking_that_started_today() {
        fixture.given(listed(), booked("b-1", new DateRange(TODAY, june(12)), BookingStatus.CONFIRMED), reserved(),
                        confirmed(), inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEvents(completed(ASKING_PRICE), sold(ASKING_PRICE));
    }

    @Test
    void the_sale_does_not_cancel_a_booking_that_started_before_today() {
        fixture.given(listed(), booked("b-1", new DateRange(june(8), june(12)), BookingStatus.CONFIRMED), reserved(),
                        confirmed(), inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEvents(completed(ASKING_PRICE), sold(ASKING_PRICE));
    }

    @Test
    void the_sale_does_not_cancel_a_booking_again_that_was_already_cancelled() {
        DateRange future = new DateRange(june(15), june(18));

        fixture.given(listed(), booked("b-1", future, BookingStatus.CONFIRMED),
                        new BookingCancelled(CAR_ID, "b-1", future, BookingCancellationReason.ON_REQUEST, null),
                        reserved(), confirmed(), inspectionScheduled())
                .when(new CompletePurchase(CAR_ID, RESERVATION_ID, DEALER))
                .expectEvents(completed(ASKING_PRICE), sold(ASKING_PRICE));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Cancelling
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_customer_cancels_a_pending_reservation() {
        fixture.given(listed(), reserved())
                .when(new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, "found another car", CUSTOMER))
                .expectEvents(cancelledBy("found another car"));
    }

    @Test
    void the_customer_cancels_a_confirmed_reservation() {
        fixture.given(listed(), reserved(), confirmed())
                .when(new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, "financing fell through", CUSTOMER))
                .expectEvents(cancelledBy("financing fell through"));
    }

    @Test
    void the_customer_cannot_cancel_once_the_inspection_is_scheduled() {
        fixture.given(listed(), reserved(), confirmed(), inspectionScheduled())
                .when(new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, "cold feet", CUSTOMER))
                .expectException(rejectedAs(CONFLICT, "INSPECTION_SCHEDULED"))
                .expectNoEvents();
    }

    @Test
    void the_cars_dealer_cancels_a_pending_reservation() {
        fixture.given(listed(), reserved())
                .when(new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, "car damaged", DEALER))
                .expectEvents(cancelledBy("car damaged"));
    }

    @Test
    void the_cars_dealer_cancels_a_confirmed_reservation() {
        fixture.given(listed(), reserved(), confirmed())
                .when(new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, "car damaged", DEALER))
                .expectEvents(cancelledBy("car damaged"));
    }

    @Test
    void the_cars_dealer_cancels_a_reservation_after_the_inspection_is_scheduled() {
        fixture.given(listed(), reserved(), confirmed(), inspectionScheduled())
                .when(new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, "inspection failed", DEALER))
                .expectEvents(cancelledBy("inspection failed"));
    }

    @Test
    void an_admin_cancels_a_reservation_after_the_inspection_is_scheduled() {
        fixture.given(listed(), reserved(), confirmed(), inspectionScheduled())
                .when(new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, "fraud suspected", ADMIN))
                .expectEvents(cancelledBy("fraud suspected"));
    }

    @Test
    void another_customer_cancelling_the_reservation_is_told_it_does_not_exist() {
        fixture.given(listed(), reserved())
                .when(new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, null, OTHER_CUSTOMER))
                .expectException(rejectedAs(NOT_FOUND, "RESERVATION_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void another_dealer_cancelling_the_reservation_is_told_it_does_not_exist() {
        fixture.given(listed(), reserved())
                .when(new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, null, OTHER_DEALER))
                .expectException(rejectedAs(NOT_FOUND, "RESERVATION_NOT_FOUND"))
                .expectNoEvents();
    }

    @Test
    void cancelling_a_cancelled_reservation_again_is_rejected_as_closed() {
        fixture.given(listed(), reserved(), cancelledBy(null))
                .when(new CancelPurchaseReservation(CAR_ID, RESERVATION_ID, null, CUSTOMER))
                .expectException(rejectedAs(CONFLICT, "RESERVATION_CLOSED", Map.of("reservationStatus", "CANCELLED")))
                .expectNoEvents();
    }

    @Test
    void a_car_whose_reservation_was_cancelled_can_be_reserved_again() {
        fixture.given(listed(), reserved(), cancelledBy(null))
                .when(reserveAs("r-2", OTHER_CUSTOMER))
                .expectEvents(new PurchaseReserved(CAR_ID, "r-2", "ORD-2026-r-2", OTHER_CUSTOMER.userId(),
                        PaymentMethod.FULL_PAYMENT, null, null, ASKING_PRICE, ASKING_PRICE, null, EUR, HANDOVER,
                        EXPIRES_AT));
    }

    @Test
    void a_car_whose_reservation_was_cancelled_can_be_booked_after_the_old_handover_date() {
        DateRange afterHandover = new DateRange(june(21), june(23));

        fixture.given(listed(), reserved(), cancelledBy(null))
                .when(bookBy("b-1", OTHER_CUSTOMER, afterHandover))
                .expectEvents(new CarBooked(CAR_ID, "b-1", OTHER_CUSTOMER.userId(), afterHandover,
                        BookingStatus.CONFIRMED, new BigDecimal("100.00"), EUR, null, null));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bookings while reserved
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_reserved_car_takes_no_booking_starting_after_the_handover_date() {
        fixture.given(listed(), reserved())
                .when(bookBy("b-1", OTHER_CUSTOMER, new DateRange(june(21), june(23))))
                .expectException(rejectedAs(CONFLICT, "CAR_RESERVED", Map.of("handoverDate", "2026-06-20")))
                .expectNoEvents();
    }

    @Test
    void a_reserved_car_takes_a_booking_starting_on_the_handover_date() {
        DateRange onHandover = new DateRange(HANDOVER, june(22));

        fixture.given(listed(), reserved())
                .when(bookBy("b-1", OTHER_CUSTOMER, onHandover))
                .expectEvents(new CarBooked(CAR_ID, "b-1", OTHER_CUSTOMER.userId(), onHandover,
                        BookingStatus.CONFIRMED, new BigDecimal("100.00"), EUR, null, null));
    }

    @Test
    void a_reserved_car_takes_a_booking_ending_before_the_handover_date() {
        DateRange beforeHandover = new DateRange(june(12), june(15));

        fixture.given(listed(), reserved())
                .when(bookBy("b-1", OTHER_CUSTOMER, beforeHandover))
                .expectEvents(new CarBooked(CAR_ID, "b-1", OTHER_CUSTOMER.userId(), beforeHandover,
                        BookingStatus.CONFIRMED, new BigDecimal("150.00"), EUR, null, null));
    }

    @Test
    void a_reserved_car_takes_a_booking_starting_before_the_handover_date_and_running_past_it() {
        DateRange acrossHandover = new DateRange(june(18), june(24));

        fixture.given(listed(), reserved())
                .when(bookBy("b-1", OTHER_CUSTOMER, acrossHandover))
                .expectEvents(new CarBooked(CAR_ID, "b-1", OTHER_CUSTOMER.userId(), acrossHandover,
                        BookingStatus.CONFIRMED, new BigDecimal("300.00"), EUR, null, null));
    }

    @Test
    void a_car_with_a_confirmed_reservation_takes_no_booking_starting_after_the_handover_date() {
        fixture.given(listed(), reserved(), confirmed(), inspectionScheduled())
                .when(bookBy("b-1", OTHER_CUSTOMER, new DateRange(june(25), june(27))))
                .expectException(rejectedAs(CONFLICT, "CAR_RESERVED", Map.of("handoverDate", "2026-06-20")))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Expiry of an unconfirmed reservation
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void expiring_a_reservation_before_it_expires_is_rejected_as_not_due() {
        fixture.given(listed(), reservedExpiringAt(NOW.plusSeconds(1)))
                .when(new ExpirePurchaseReservation(CAR_ID, RESERVATION_ID))
                .expectException(rejectedAs(CONFLICT, "NOT_DUE"))
                .expectNoEvents();
    }

    @Test
    void a_reservation_made_now_is_not_yet_due_to_expire() {
        fixture.given(listed(), reserved())
                .when(new ExpirePurchaseReservation(CAR_ID, RESERVATION_ID))
                .expectException(rejectedAs(CONFLICT, "NOT_DUE"))
                .expectNoEvents();
    }

    @Test
    void an_unconfirmed_reservation_expires_at_its_expiry_time() {
        fixture.given(listed(), reservedExpiringAt(NOW))
                .when(new ExpirePurchaseReservation(CAR_ID, RESERVATION_ID))
                .expectEvents(expired());
    }

    @Test
    void an_unconfirmed_reservation_expires_after_its_expiry_time() {
        fixture.given(listed(), reservedExpiringAt(NOW.minus(Duration.ofHours(5))))
                .when(new ExpirePurchaseReservation(CAR_ID, RESERVATION_ID))
                .expectEvents(expired());
    }

    @Test
    void a_confirmed_reservation_no_longer_expires() {
        fixture.given(listed(), reservedExpiringAt(NOW.minusSeconds(1)), confirmed())
                .when(new ExpirePurchaseReservation(CAR_ID, RESERVATION_ID))
                .expectException(rejectedAs(CONFLICT, "RESERVATION_NOT_PENDING"))
                .expectNoEvents();
    }

    @Test
    void a_cancelled_reservation_no_longer_expires() {
        fixture.given(listed(), reservedExpiringAt(NOW.minusSeconds(1)), cancelledBy(null))
                .when(new ExpirePurchaseReservation(CAR_ID, RESERVATION_ID))
                .expectException(rejectedAs(CONFLICT, "RESERVATION_NOT_PENDING"))
                .expectNoEvents();
    }

    @Test
    void expiring_an_unknown_reservation_is_rejected_as_not_pending() {
        fixture.given(listed(), reservedExpiringAt(NOW.minusSeconds(1)))
                .when(new ExpirePurchaseReservation(CAR_ID, "r-404"))
                .expectException(rejectedAs(CONFLICT, "RESERVATION_NOT_PENDING"))
                .expectNoEvents();
    }

    @Test
    void a_car_whose_reservation_expired_can_be_reserved_again() {
        fixture.given(listed(), reservedExpiringAt(NOW.minusSeconds(1)), expired())
                .when(reserveAs("r-2", OTHER_CUSTOMER))
                .expectEvents(new PurchaseReserved(CAR_ID, "r-2", "ORD-2026-r-2", OTHER_CUSTOMER.userId(),
                        PaymentMethod.FULL_PAYMENT, null, null, ASKING_PRICE, ASKING_PRICE, null, EUR, HANDOVER,
                        EXPIRES_AT));
    }

    @Test
    void a_car_whose_reservation_expired_can_be_booked_after_the_old_handover_date() {
        DateRange afterHandover = new DateRange(june(25), june(28));

        fixture.given(listed(), reservedExpiringAt(NOW.minusSeconds(1)), expired())
                .when(bookBy("b-1", OTHER_CUSTOMER, afterHandover))
                .expectEvents(new CarBooked(CAR_ID, "b-1", OTHER_CUSTOMER.userId(), afterHandover,
                        BookingStatus.CONFIRMED, new BigDecimal("150.00"), EUR, null, null));
    }

    @Test
    void confirming_an_expired_reservation_is_rejected_as_closed() {
        fixture.given(listed(), reservedExpiringAt(NOW.minusSeconds(1)), expired())
                .when(new ConfirmPurchaseReservation(CAR_ID, RESERVATION_ID, DEALER))
                .expectException(rejectedAs(CONFLICT, "RESERVATION_CLOSED", Map.of("reservationStatus", "EXPIRED")))
                .expectNoEvents();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fixtures
    // ---------------------------------------------------------------------------------------------------------

    private static LocalDate june(int day) {
        return LocalDate.of(2026, 6, day);
    }

    private static CarListed listed() {
        return listed(new Pricing(new BigDecimal("50.00"), ASKING_PRICE, EUR));
    }

    private static CarListed listedRentalOnly() {
        return listed(new Pricing(new BigDecimal("50.00"), null, EUR));
    }

    @Test
    void the_same_reservation_asked_for_again_gets_its_first_receipt_and_nothing_new() {
        fixture.given(listed(), reserved())
                .when(new ReservePurchase(CAR_ID, RESERVATION_ID, "ORD-2026-000999", CUSTOMER,
                        PaymentMethod.FULL_PAYMENT, null, null, HANDOVER, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new PurchaseReservationReceipt(RESERVATION_ID, ORDER_NUMBER, ASKING_PRICE,
                        EUR, PurchaseReservationStatus.PENDING));
    }

    @Test
    void the_same_reservation_id_asked_for_by_another_customer_is_refused() {
        fixture.given(listed(), reserved())
                .when(reserveAs(RESERVATION_ID, OTHER_CUSTOMER))
                .expectException(rejectedAs(CONFLICT, "CAR_ALREADY_RESERVED"))
                .expectNoEvents();
    }

    private static CarListed listed(Pricing pricing) {
        return new CarListed(CAR_ID, DEALER.userId(), null, null,
                new Location("Berlin", null, null, ZoneId.of("Europe/Berlin")), List.of(), pricing, 30, NOW);
    }

    /** customer-1 reserves r-1 for a handover on 20 June. */
    private static ReservePurchase reserve(PaymentMethod method, Financing financing, TradeIn tradeIn,
                                           BigDecimal agreedPrice) {
        return new ReservePurchase(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER, method, financing, tradeIn,
                HANDOVER, agreedPrice);
    }

    private static ReservePurchase reserveAs(String reservationId, Actor customer) {
        return new ReservePurchase(CAR_ID, reservationId, "ORD-2026-" + reservationId, customer,
                PaymentMethod.FULL_PAYMENT, null, null, HANDOVER, null);
    }

    private static PurchaseReserved fullPayment(BigDecimal price, BigDecimal total, TradeIn tradeIn,
                                                Instant expiresAt) {
        return new PurchaseReserved(CAR_ID, RESERVATION_ID, ORDER_NUMBER, CUSTOMER.userId(),
                PaymentMethod.FULL_PAYMENT, null, tradeIn, price, total, null, EUR, HANDOVER, expiresAt);
    }

    /** r-1 of customer-1, reserved now at the asking price: expires in 7 days. */
    private static PurchaseReserved reserved() {
        return reservedExpiringAt(EXPIRES_AT);
    }

    private static PurchaseReserved reservedExpiringAt(Instant expiresAt) {
        return fullPayment(ASKING_PRICE, ASKING_PRICE, null, expiresAt);
    }

    private static PurchaseReservationConfirmed confirmed() {
        return new PurchaseReservationConfirmed(CAR_ID, RESERVATION_ID, CUSTOMER.userId());
    }

    private static InspectionScheduled inspectionScheduled() {
        return new InspectionScheduled(CAR_ID, RESERVATION_ID, CUSTOMER.userId(), june(15));
    }

    private static PurchaseCompleted completed(BigDecimal total) {
        return new PurchaseCompleted(CAR_ID, RESERVATION_ID, CUSTOMER.userId(), total, EUR);
    }

    private static CarSold sold(BigDecimal price) {
        return new CarSold(CAR_ID, CUSTOMER.userId(), RESERVATION_ID, price, EUR);
    }

    private static PurchaseReservationCancelled cancelledBy(String reason) {
        return new PurchaseReservationCancelled(CAR_ID, RESERVATION_ID, CUSTOMER.userId(), reason);
    }

    private static PurchaseReservationExpired expired() {
        return new PurchaseReservationExpired(CAR_ID, RESERVATION_ID, CUSTOMER.userId());
    }

    /** Hamcrest's collection matchers, typed for Axon's {@code payloadsMatching}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Matcher<List<?>> listOf(Matcher<? extends Iterable<?>> matcher) {
        return (Matcher) matcher;
    }

    private static BookCar bookBy(String bookingId, Actor customer, DateRange period) {
        return new BookCar(CAR_ID, bookingId, customer.userId(), period, null);
    }

    /** A booking of customer-2's, at EUR 50.00 a day. */
    private static CarBooked booked(String bookingId, DateRange period, BookingStatus status) {
        return new CarBooked(CAR_ID, bookingId, OTHER_CUSTOMER.userId(), period, status,
                new BigDecimal("50.00").multiply(BigDecimal.valueOf(period.days())), EUR, null,
                status == BookingStatus.PENDING_APPROVAL ? NOW.plus(Duration.ofHours(48)) : null);
    }
}
