package io.carmarket.command.negotiation;

import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReservationReceipt;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.car.purchase.ReservePurchase;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.negotiation.EndNegotiation;
import io.carmarket.api.negotiation.FailNegotiation;
import io.carmarket.api.negotiation.NegotiationCancelled;
import io.carmarket.api.negotiation.NegotiationEnded;
import io.carmarket.api.negotiation.NegotiationFailed;
import io.carmarket.api.negotiation.NegotiationOpened;
import io.carmarket.api.negotiation.OfferAccepted;
import io.carmarket.api.negotiation.OfferExpired;
import io.carmarket.api.negotiation.OfferRejected;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiation.PurchaseArranged;
import io.carmarket.api.negotiation.RecordPurchaseArranged;
import io.carmarket.api.rejection.CommandRejection;
import io.carmarket.api.rejection.CommandRejection.Kind;
import io.carmarket.command.car.OrderNumbers;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Specification of the {@link NegotiationSaga} (SPEC 2.2, rule 4): it follows one negotiation from its opening;
 * on acceptance it reserves the car for the buyer at the agreed price and records the purchase, or fails the
 * negotiation with the car's reason; a sale of the car to someone else ends the open negotiation; every outcome
 * ends the saga.
 * <p>
 * The clock is frozen at 2026-06-10T20:00Z, so a purchase arranged now is handed over 14 days later, on
 * 2026-06-24. customer-1 negotiates with dealer-1 over car-1 in EUR; the dealer accepts EUR 18000.00. The next
 * order number is ORD-2026-000042.
 */
class NegotiationSagaTest {

    private static final Instant NOW = Instant.parse("2026-06-10T20:00:00Z");
    private static final LocalDate HANDOVER = LocalDate.parse("2026-06-24");
    private static final NegotiationPolicy POLICY = new NegotiationPolicy(Duration.ofHours(48), Duration.ofDays(14));

    private static final String NEGOTIATION_ID = "n-1";
    private static final String CAR_ID = "car-1";
    private static final String DEALER_ID = "dealer-1";
    private static final String BUYER_ID = "customer-1";
    private static final String OTHER_BUYER_ID = "customer-2";
    private static final String ORDER_NUMBER = "ORD-2026-000042";
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final BigDecimal AGREED = new BigDecimal("18000.00");

    private SagaTestFixture<NegotiationSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(NegotiationSaga.class);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        OrderNumbers orderNumbers = mock(OrderNumbers.class);
        when(orderNumbers.next()).thenReturn(ORDER_NUMBER);
        // injected, with the fixture's own CommandGateway over its recording command bus, into @Autowired fields
        fixture.registerResource(clock);
        fixture.registerResource(orderNumbers);
        fixture.registerResource(POLICY);
        fixture.givenCurrentTime(NOW);
        fixture.setCallbackBehavior((command, metaData) -> command instanceof ReservePurchase reservation
                ? new PurchaseReservationReceipt(reservation.reservationId(), reservation.orderNumber(),
                reservation.agreedPrice(), EUR, PurchaseReservationStatus.PENDING)
                : null);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Opening
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void opening_a_negotiation_starts_a_saga_that_follows_the_negotiation_and_its_car() {
        fixture.givenNoPriorActivity()
                .whenAggregate(NEGOTIATION_ID).publishes(opened())
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(1)
                .expectAssociationWith("negotiationId", NEGOTIATION_ID)
                .expectAssociationWith("carId", CAR_ID)
                .expectNoDispatchedCommands();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Acceptance
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void on_acceptance_it_reserves_the_car_for_the_buyer_at_the_agreed_price_and_records_the_purchase() {
        fixture.givenAggregate(NEGOTIATION_ID).published(opened())
                .whenAggregate(NEGOTIATION_ID).publishes(accepted())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        reservationForTheBuyer(),
                        payload(RecordPurchaseArranged.class,
                                "RecordPurchaseArranged of n-1 with order number " + ORDER_NUMBER,
                                record -> NEGOTIATION_ID.equals(record.negotiationId())
                                        && ORDER_NUMBER.equals(record.orderNumber())
                                        && record.reservationId() != null),
                        andNoMore())))
                .expectActiveSagas(1);

        List<CommandMessage<?>> dispatched = fixture.getCommandBus().getDispatchedCommands();
        ReservePurchase reservation = (ReservePurchase) dispatched.get(0).getPayload();
        RecordPurchaseArranged record = (RecordPurchaseArranged) dispatched.get(1).getPayload();
        assertEquals(reservation.reservationId(), record.reservationId(),
                "the purchase recorded is the reservation made");
    }

    @Test
    void when_the_car_refuses_the_reservation_the_negotiation_fails_with_the_cars_reason() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReservePurchase) {
                throw new CommandExecutionException("The car is already reserved", null,
                        new CommandRejection(Kind.CONFLICT, "CAR_ALREADY_RESERVED", "The car is already reserved",
                                Map.of()));
            }
            return null;
        });

        fixture.givenAggregate(NEGOTIATION_ID).published(opened())
                .whenAggregate(NEGOTIATION_ID).publishes(accepted())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        reservationForTheBuyer(),
                        equalTo((Object) new FailNegotiation(NEGOTIATION_ID, "CAR_ALREADY_RESERVED",
                                "The car is already reserved")),
                        andNoMore())))
                .expectActiveSagas(1);
    }

    @Test
    void when_the_reservation_fails_without_a_business_reason_the_negotiation_fails_as_reservation_failed() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof ReservePurchase) {
                throw new CommandExecutionException("remote failure", null, null);
            }
            return null;
        });

        fixture.givenAggregate(NEGOTIATION_ID).published(opened())
                .whenAggregate(NEGOTIATION_ID).publishes(accepted())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommandsMatching(payloadsMatching(exactSequenceOf(
                        reservationForTheBuyer(),
                        equalTo((Object) new FailNegotiation(NEGOTIATION_ID, "RESERVATION_FAILED",
                                "The car could not be reserved")),
                        andNoMore())));
    }

    // ---------------------------------------------------------------------------------------------------------
    // The car sold
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void the_car_sold_to_someone_else_while_the_negotiation_is_open_ends_it() {
        fixture.givenAggregate(NEGOTIATION_ID).published(opened())
                .whenAggregate(CAR_ID).publishes(soldTo(OTHER_BUYER_ID))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new EndNegotiation(NEGOTIATION_ID, "CAR_SOLD"))
                .expectActiveSagas(1);
    }

    @Test
    void the_car_sold_to_this_buyer_dispatches_nothing() {
        fixture.givenAggregate(NEGOTIATION_ID).published(opened())
                .whenAggregate(CAR_ID).publishes(soldTo(BUYER_ID))
                .expectSuccessfulHandlerExecution()
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void a_negotiation_that_can_no_longer_be_ended_is_left_to_its_own_outcome() {
        fixture.setCallbackBehavior((command, metaData) -> {
            if (command instanceof EndNegotiation) {
                throw new CommandExecutionException("The negotiation is ACCEPTED", null,
                        new CommandRejection(Kind.CONFLICT, "NEGOTIATION_ACCEPTED", "The negotiation is ACCEPTED",
                                Map.of("negotiationStatus", "ACCEPTED")));
            }
            return null;
        });

        fixture.givenAggregate(NEGOTIATION_ID).published(opened())
                .whenAggregate(CAR_ID).publishes(soldTo(OTHER_BUYER_ID))
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new EndNegotiation(NEGOTIATION_ID, "CAR_SOLD"))
                .expectActiveSagas(1);
    }

    @Test
    void the_sale_of_another_car_does_not_concern_the_negotiation() {
        fixture.givenAggregate(NEGOTIATION_ID).published(opened())
                .whenAggregate("car-2").publishes(new CarSold("car-2", OTHER_BUYER_ID, "r-9", AGREED, EUR))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void every_open_negotiation_on_the_car_but_the_buyers_own_ends_when_it_is_sold() {
        fixture.givenAggregate(NEGOTIATION_ID).published(opened())
                .andThenAggregate("n-2").published(
                        new NegotiationOpened("n-2", CAR_ID, DEALER_ID, OTHER_BUYER_ID, EUR))
                .whenAggregate(CAR_ID).publishes(soldTo(OTHER_BUYER_ID))
                .expectDispatchedCommands(new EndNegotiation(NEGOTIATION_ID, "CAR_SOLD"))
                .expectActiveSagas(2);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The end
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void every_outcome_ends_the_saga(String outcome, List<Object> history, Object event) {
        fixture.givenAggregate(NEGOTIATION_ID).published(history.toArray())
                .whenAggregate(NEGOTIATION_ID).publishes(event)
                .expectSuccessfulHandlerExecution()
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                arguments("PurchaseArranged", List.of(opened(), accepted()),
                        new PurchaseArranged(NEGOTIATION_ID, "r-1", ORDER_NUMBER)),
                arguments("NegotiationFailed", List.of(opened(), accepted()),
                        new NegotiationFailed(NEGOTIATION_ID, "CAR_ALREADY_RESERVED", "The car is already reserved")),
                arguments("OfferRejected", List.of(opened()),
                        new OfferRejected(NEGOTIATION_ID, 1, Party.DEALER, "too low")),
                arguments("NegotiationCancelled", List.of(opened()), new NegotiationCancelled(NEGOTIATION_ID)),
                arguments("OfferExpired", List.of(opened()), new OfferExpired(NEGOTIATION_ID, 1)),
                arguments("NegotiationEnded", List.of(opened()), new NegotiationEnded(NEGOTIATION_ID, "CAR_SOLD")));
    }

    @Test
    void a_sale_of_the_car_after_the_saga_ended_dispatches_nothing() {
        fixture.givenAggregate(NEGOTIATION_ID).published(opened(), new NegotiationCancelled(NEGOTIATION_ID))
                .whenAggregate(CAR_ID).publishes(soldTo(OTHER_BUYER_ID))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0)
                .expectNoAssociationWith("carId", CAR_ID);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Events and matchers
    // ---------------------------------------------------------------------------------------------------------

    private static NegotiationOpened opened() {
        return new NegotiationOpened(NEGOTIATION_ID, CAR_ID, DEALER_ID, BUYER_ID, EUR);
    }

    /** The dealer accepted the buyer's offer 1 of EUR 18000.00. */
    private static OfferAccepted accepted() {
        return new OfferAccepted(NEGOTIATION_ID, CAR_ID, DEALER_ID, BUYER_ID, 1, Party.DEALER, AGREED, EUR);
    }

    private static CarSold soldTo(String buyerId) {
        return new CarSold(CAR_ID, buyerId, "r-7", new BigDecimal("20000.00"), EUR);
    }

    /** A full-payment ReservePurchase of car-1 for customer-1 at the agreed price, whatever its reservation id. */
    private static Matcher<Object> reservationForTheBuyer() {
        return payload(ReservePurchase.class,
                "ReservePurchase of car-1 for customer-1 at EUR 18000.00, handover " + HANDOVER + ", order "
                        + ORDER_NUMBER,
                reservation -> reservation.reservationId() != null && !reservation.reservationId().isBlank()
                        && reservation.equals(new ReservePurchase(CAR_ID, reservation.reservationId(), ORDER_NUMBER,
                        new Actor(BUYER_ID, Role.CUSTOMER), PaymentMethod.FULL_PAYMENT, null, null, HANDOVER,
                        AGREED)));
    }

    /** A payload of this type that satisfies the predicate. */
    private static <T> Matcher<Object> payload(Class<T> type, String description, Predicate<T> predicate) {
        return new TypeSafeMatcher<>(type) {
            @Override
            protected boolean matchesSafely(Object item) {
                return predicate.test(type.cast(item));
            }

            @Override
            public void describeTo(Description text) {
                text.appendText(description);
            }
        };
    }
}
